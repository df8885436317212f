// plandeck entry point: everything happens in cli::run, which returns the exit code.
#include "cli/run.hpp"

int main(int argc, char** argv) { return plandeck::cli::main(argc, argv); }
