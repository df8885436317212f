# Two commands do everything on a fresh Debian bookworm machine:
#   make run   installs what is missing, builds, and writes the default deck and workbook to out/
#   make test  installs what is missing, builds, and runs the whole test suite
PRESET ?= dev
BUILD_DIR := $(if $(filter dev,$(PRESET)),build,build-$(PRESET))
PLAN ?= data/hiroshima-dx-r3-r5.yaml
JOBS ?= 2

.PHONY: all setup configure build run test check bench clean

all: build

setup:
	@scripts/install-deps.sh

configure: setup
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset $(PRESET)

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	$(BUILD_DIR)/plandeck build $(PLAN) -o out

check: build
	$(BUILD_DIR)/plandeck check $(PLAN)

test: build
	ctest --preset $(PRESET) -j $(JOBS)

bench:
	$(MAKE) PRESET=release build
	bench/run.sh

clean:
	rm -rf build build-asan build-release
