#!/usr/bin/env python3
"""Writes a large plan for the benchmark.

  make_big_plan.py SOURCE TARGET N        the default plan's sections repeated N times
  make_big_plan.py --table-rows N TARGET  one chapter whose result-detail table has N rows
                                          (groups of 4, a figure or two in every row)

ids, sheet names and YAML anchors are suffixed per copy so the result stays a valid plan.
Standard library only (text manipulation, no YAML parser needed)."""
import re
import sys


def repeated(source: str, target: str, copies: int) -> None:
    text = open(source, encoding="utf-8").read()
    head, sep, sections = text.partition("\nsections:\n")
    if not sep:
        sys.exit("no top-level 'sections:' key in " + source)
    parts = [head, sep]
    for k in range(1, copies + 1):
        copy = re.sub(r"^(\s*(?:- )?id: )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}-{k}", sections, flags=re.M)
        copy = re.sub(r"^(\s*sheet: )(.+)$", lambda m: f"{m.group(1)}{m.group(2).strip()[:26]} {k}", copy, flags=re.M)
        copy = re.sub(r"([&*])([A-Za-z_][\w-]*)", lambda m: f"{m.group(1)}{m.group(2)}_{k}", copy)
        parts.append(copy.rstrip("\n") + "\n")
    open(target, "w", encoding="utf-8").write("".join(parts))


def one_table(rows: int, target: str) -> None:
    """A plan whose only table has `rows` rows: the workbook's cost per row shows directly."""
    statuses = ["達成", "\"概ね達成\\n（一部を除く）\"", "進捗中", "新規対策", "\"達成\\n（+3市町）\""]
    out = [
        "plandeck: 1",
        "document:",
        "  title: 大きな表のベンチマーク",
        "  organisation: ベンチマーク",
        "sections:",
        "  - title: 取組結果",
        "    title_slide: false",
        "    chapters:",
        "      - title: 大きな表",
        "        sheet: 大きな表",
        "        slides:",
        "          - kind: details",
        "            label: 結果詳細",
        "            table:",
        "              columns:",
        "                item: 項目",
        "                content: 内容",
        "                target: 目標",
        "                baseline: 令和2年度（プラン前）の状況",
        "                result: 令和5年度末の状況",
        "                status: 目標達成状況",
        "              groups:",
    ]
    for r in range(rows):
        if r % 4 == 0:
            out.append(f"                - item: 項目その{r // 4 + 1}")
            out.append("                  rows:")
        out += [
            f"                    - content: 指標{r + 1}の件数（オンライン申請等）",
            "                      target: \"-\"" if r % 3 else f"                      target: \"【目標】\\n{r + 10}件\"",
            f"                      baseline: {{number: {1000 + 7 * r}, unit: 件}}",
            f"                      result: {{number: {2000 + 13 * r}, prefix: 約, unit: 件}}",
            f"                      status: {statuses[r % len(statuses)]}",
        ]
    open(target, "w", encoding="utf-8").write("\n".join(out) + "\n")


def main() -> None:
    if sys.argv[1] == "--table-rows":
        one_table(int(sys.argv[2]), sys.argv[3])
    else:
        repeated(sys.argv[1], sys.argv[2], int(sys.argv[3]))


if __name__ == "__main__":
    main()
