"""Command line: ``python -m generator check|diff|schema|synth|build|serve|export|import|notices``.

Exit status follows yamllint: 0 clean, 1 problems found (warnings only with ``--strict``),
2 usage or internal error.  Bad catalogue data never produces a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .catalogue.diagnostics import FORMATTERS
from .cli_zh import ChineseParser

SCHEMA_DIR = Path(__file__).parent / "schema"


def schemas() -> dict[str, str]:
    """JSON Schemas of every catalogue file, keyed by file name, as committed text."""
    from .catalogue.models import TOP_LEVEL_MODELS, Item, Model

    out = {}
    models: dict[str, type[Model]] = {**TOP_LEVEL_MODELS, "item.yaml": Item}
    for name, model in models.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{name}(办事指南目录)"
        stem = name.removesuffix(".yaml")
        out[f"{stem}.schema.json"] = (
            json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
    return out


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"不是日期(应为 YYYY-MM-DD):{value}") from exc


def _cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.catalogue)
    if not root.is_dir():
        print(f"目录不存在:{root}", file=sys.stderr)
        return 2
    from .checks.pipeline import check_report

    report = check_report(root, as_of=args.as_of)
    sys.stdout.write(FORMATTERS[args.format](report))
    return report.exit_code(strict=args.strict)


def _cmd_schema(args: argparse.Namespace) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
    return 0


def _cmd_synth(args: argparse.Namespace) -> int:
    from .catalogue.synth import synthesize

    synthesize(Path(args.out), args.items, seed=args.seed)
    print(f"wrote {args.items} items to {args.out}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .portal.build import build_site

    return build_site(Path(args.catalogue), Path(args.out), as_of=args.as_of, strict=args.strict)


def _cmd_serve(args: argparse.Namespace) -> int:
    from .portal.build import serve_site

    return serve_site(Path(args.catalogue), host=args.host, port=args.port, as_of=args.as_of)


def _cmd_diff(args: argparse.Namespace) -> int:
    from .review.command import Sign, run_diff

    sign = None
    if args.sign:
        if not args.reviewer:
            print("diff:--sign 需要 --reviewer(审核人姓名)", file=sys.stderr)
            return 2
        sign = Sign(args.reviewer, args.opinion, args.number, args.date)
    return run_diff(
        args.base,
        args.head,
        catalogue_path=args.catalogue_path,
        fmt=args.format,
        reviews=args.reviews,
        sign=sign,
        as_of=args.date,
    )


def _cmd_export(args: argparse.Namespace) -> int:
    from .portal.datafiles import export_catalogue

    return export_catalogue(Path(args.catalogue), args.format, Path(args.out))


def _cmd_import(args: argparse.Namespace) -> int:
    from .importer.command import run_import

    return run_import(
        Path(args.file),
        Path(args.out),
        department=args.department,
        dry_run=args.dry_run,
        fmt=args.format,
        as_of=args.as_of,
    )


def _cmd_notices(args: argparse.Namespace) -> int:
    from .printing.notices import run_notices

    return run_notices(
        Path(args.catalogue),
        Path(args.out),
        item=args.item,
        department=args.department,
        changed_since=args.changed_since,
        as_of=args.as_of,
    )


EXAMPLES = {
    "check": "python -m generator check catalogue --as-of 2026-09-01 --strict",
    "diff": "python -m generator diff main --format github",
    "schema": "python -m generator schema --out generator/schema",
    "synth": "python -m generator synth --items 1000 --out /tmp/catalogue --seed 1",
    "export": "python -m generator export --format csv --out site/data",
    "build": "python -m generator build --catalogue catalogue --out site",
    "serve": "python -m generator serve --port 8000",
    "import": "python -m generator import 实施清单.xlsx --out catalogue --dry-run",
    "notices": "python -m generator notices --item birth-registration --out 告知单",
}
TODAY = "按此日期判断法规效力和信息是否过期,格式 YYYY-MM-DD(默认:今天)"


def _sub(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=help_text, epilog=f"示例:\n  {EXAMPLES[name]}"
    )
    return parser


def parser() -> argparse.ArgumentParser:
    top = ChineseParser(
        prog="python -m generator",
        description="办事指南门户生成器:检查目录、生成网站、打印告知单。",
        epilog="示例:\n"
        + "\n".join(f"  {EXAMPLES[n]}" for n in ("check", "build", "notices"))
        + "\n\n每个子命令的说明:python -m generator <子命令> -h",
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="<子命令>", title="子命令")

    check = _sub(sub, "check", "检查目录")
    check.add_argument("catalogue", nargs="?", default="catalogue", help="目录文件夹")
    check.add_argument("--format", choices=sorted(FORMATTERS), default="text", help="报告格式")
    check.add_argument("--strict", action="store_true", help="警告也视为失败(退出码 1)")
    check.add_argument(
        "--as-of", metavar="YYYY-MM-DD", type=_date, default=date.today(), help=TODAY
    )
    check.set_defaults(run=_cmd_check)

    diff = _sub(sub, "diff", "比较两个版本的目录(语义差异和负担报告)")
    diff.add_argument("base", help="基准:git 版本或目录")
    diff.add_argument("head", nargs="?", default=None, help="新版本:git 版本或目录;默认为工作区")
    diff.add_argument(
        "--format",
        choices=["markdown", "json", "github", "html"],
        default="markdown",
        help="报告格式;html:可打印的审核意见表(A4)",
    )
    diff.add_argument(
        "--catalogue-path", metavar="路径", default="catalogue", help="目录在仓库中的路径"
    )
    diff.add_argument(
        "--reviews", metavar="文件夹", default=None, help="审核记录目录(默认为仓库顶层的 reviews/)"
    )
    diff.add_argument("--sign", action="store_true", help="把本次全部需签核的变更记为已签核")
    diff.add_argument("--reviewer", metavar="姓名", default="", help="审核人(--sign 时必填)")
    diff.add_argument("--opinion", metavar="意见", default="同意", help="审核意见")
    diff.add_argument("--number", metavar="文号", default="", help="审核文号,如 示法审〔2026〕12号")
    diff.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_date,
        default=date.today(),
        help="审核日期,格式 YYYY-MM-DD(默认:今天)",
    )
    diff.set_defaults(run=_cmd_diff)

    schema = _sub(sub, "schema", "写出 JSON Schema")
    schema.add_argument("--out", default=str(SCHEMA_DIR), help="写入的文件夹")
    schema.set_defaults(run=_cmd_schema)

    synth = _sub(sub, "synth", "生成合成目录(用于基准测试)")
    synth.add_argument("--items", type=int, required=True, help="事项数(必填)")
    synth.add_argument("--out", required=True, help="写入的目录文件夹(必填)")
    synth.add_argument("--seed", type=int, default=0, help="随机种子:同一种子生成同样的目录")
    synth.set_defaults(run=_cmd_synth)

    export = _sub(sub, "export", "导出开放数据文件(写入 --out 目录)")
    export.add_argument("--catalogue", metavar="目录", default="catalogue", help="目录文件夹")
    export.add_argument(
        "--format",
        choices=["csv", "json", "jsonld", "xlsx", "dcat"],
        required=True,
        help="文件格式(必填)",
    )
    export.add_argument("--out", required=True, help="输出目录(必填)")
    export.set_defaults(run=_cmd_export)

    for name, help_text in (("build", "生成网站"), ("serve", "生成并预览网站(保存即更新)")):
        cmd = _sub(sub, name, help_text)
        cmd.add_argument("--catalogue", metavar="目录", default="catalogue", help="目录文件夹")
        cmd.add_argument(
            "--as-of", metavar="YYYY-MM-DD", type=_date, default=date.today(), help=TODAY
        )
        if name == "build":
            cmd.add_argument("--out", default="site", help="网站写入的文件夹")
            cmd.add_argument("--strict", action="store_true", help="警告也阻止生成")
            cmd.set_defaults(run=_cmd_build)
        else:
            cmd.add_argument("--host", default="127.0.0.1", help="预览服务器监听的地址")
            cmd.add_argument("--port", type=int, default=8000, help="预览服务器的端口")
            cmd.set_defaults(run=_cmd_serve)

    imp = _sub(sub, "import", "从实施清单表格(.xlsx 或 .csv)导入目录")
    imp.add_argument("file", help="实施清单工作簿或 CSV 文件")
    imp.add_argument("--out", required=True, help="写入的目录文件夹(必填)")
    imp.add_argument("--department", help="全部事项归入这个部门(部门标识)")
    imp.add_argument("--dry-run", action="store_true", help="只检查并报告,不写文件")
    imp.add_argument("--format", choices=sorted(FORMATTERS), default="text", help="报告格式")
    imp.add_argument("--as-of", metavar="YYYY-MM-DD", type=_date, default=date.today(), help=TODAY)
    imp.set_defaults(run=_cmd_import)

    notices = _sub(sub, "notices", "把一次性告知单打印为 PDF 文件")
    notices.add_argument("--catalogue", metavar="目录", default="catalogue", help="目录文件夹")
    notices.add_argument("--out", required=True, help="PDF 文件写入的目录(必填)")
    which = notices.add_mutually_exclusive_group()
    which.add_argument("--item", metavar="事项标识", help="只打印这个事项;默认打印全部事项")
    which.add_argument("--department", metavar="部门标识", help="这个部门的全部告知单,合为一个 PDF")
    notices.add_argument(
        "--changed-since",
        metavar="REV",
        help="只打印自此 git 修订以来内容有变化的;默认全部打印",
    )
    notices.add_argument(
        "--as-of", metavar="YYYY-MM-DD", type=_date, default=date.today(), help=TODAY
    )
    notices.set_defaults(run=_cmd_notices)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an internal error is exit 2, never a traceback to staff
        print(f"内部错误:{type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    raise SystemExit(main())
