"""The `rhaglen` command: validate data, write schemas, scaffold a programme, build the site,
export the open data, preview the site, summarise a change, start a monitoring update.

Exit codes: 0 success, 1 invalid data or a failed build, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .data.check import check_portfolio
from .state.asof import AsOfError, parse_day, resolve_as_of
from .text.problems import errors, printable


def _date(text: str) -> date:
    try:
        return parse_day(text)
    except AsOfError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("as-of date: ")) from None


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not port.isdigit() or int(port) > 65535:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT such as 127.0.0.1:8000, got {text!r}")
    return host or "127.0.0.1", int(port)


def _site_options(command: argparse.ArgumentParser) -> None:
    """The options of every command that reads the site's configuration."""
    command.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                         help="the MkDocs configuration (default: mkdocs.yml)")
    command.add_argument("--as-of", type=_date, help="judge lateness against this day")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhaglen", description=" ".join(
        __doc__.split("\n\n")[0].split()))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check programme data; print every problem")
    validate.add_argument("dir", nargs="?", default="programmes", type=Path,
                          help="the programmes folder (default: programmes)")
    validate.add_argument("--as-of", type=_date, help="judge dates against this day "
                          "(default: SOURCE_DATE_EPOCH's date, else today)")
    validate.add_argument("--format", choices=("text", "github"), default="text",
                          help="text: one line per problem (default); github: GitHub "
                          "Actions workflow commands, shown on the lines of a pull request")

    schema = commands.add_parser("schema", help="write a JSON Schema for each kind of file")
    schema.add_argument("-o", "--output", type=Path, default=Path("docs/schema"),
                        help="folder to write into (default: docs/schema)")

    new = commands.add_parser("new", help="start a programme folder from a template")
    new.add_argument("slug", help="the folder name, such as cerdded-i-r-ysgol")
    new.add_argument("--dir", type=Path, default=Path("programmes"),
                     help="the programmes folder (default: programmes)")

    build = commands.add_parser("build", help="validate, then build both languages")
    build.add_argument("-d", "--site-dir", type=Path, default=Path("site"),
                       help="where the site goes, replaced only on success (default: site)")
    _site_options(build)

    export = commands.add_parser("export", help="validate, then write the open data (CSV, "
                                 "Data Package, JSON, feeds) without building the site")
    export.add_argument("-d", "--export-dir", type=Path, default=Path("export"),
                        help="where the files go, replaced only on success (default: export)")
    _site_options(export)

    serve = commands.add_parser("serve", help="preview the site, rebuilt on every change; "
                                "invalid data shows its problems on every page")
    _site_options(serve)
    serve.add_argument("-a", "--address", type=_address, default=("127.0.0.1", 8000),
                       help="HOST:PORT to listen on (default: 127.0.0.1:8000)")
    _change_commands(commands)
    return parser


def _change_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`diff` and `new-update`: the commands of a pull request."""
    diff = commands.add_parser("diff", help="what readers will see change from BASE to "
                               "HEAD, in Markdown (exit 0: printed; 1: invalid data; 2: usage)")
    diff.add_argument("base", metavar="BASE", help="a git revision, or a programmes folder")
    diff.add_argument("head", metavar="HEAD", nargs="?", help="a git revision, or a "
                      "programmes folder (default: the working tree)")
    diff.add_argument("--lang", choices=("cy", "en"), default="cy",
                      help="the summary's language (default: cy)")
    diff.add_argument("--as-of", type=_date, help="judge dates against this day "
                      "(default: SOURCE_DATE_EPOCH's date, else today)")
    diff.add_argument("--dir", type=Path, default=Path("programmes"),
                      help="the programmes folder in the repository (default: programmes)")

    update = commands.add_parser("new-update", help="start updates/DATE.yml from the "
                                 "current state: edit the figures, write the summary")
    update.add_argument("slug", help="the programme's folder name")
    update.add_argument("--date", type=_date, help="the update's date (default: "
                        "SOURCE_DATE_EPOCH's date, else today)")
    update.add_argument("--dir", type=Path, default=Path("programmes"),
                        help="the programmes folder (default: programmes)")


def _validate(folder: Path, as_of: date | None, form: str = "text") -> int:
    if not folder.is_dir():
        print(printable(f"rhaglen validate: no such folder: {folder}"), file=sys.stderr)
        return 2
    try:
        day = resolve_as_of(as_of)
    except AsOfError as exc:
        print(f"rhaglen validate: {exc}", file=sys.stderr)
        return 2
    checked = check_portfolio(folder, day)
    for problem in checked.problems:
        print(problem.github() if form == "github" else problem.format())
    failed = errors(checked.problems)
    if failed:
        print(f"{len(failed)} problem(s) found; nothing was published.", file=sys.stderr)
        return 1
    print(printable(f"{folder}: {checked.valid} programme(s), valid."), file=sys.stderr)
    return 0


def _schema(folder: Path) -> int:
    from .data.links import UnsafePath
    from .export.schema import write_schemas  # the export model, needed by no other command

    try:
        paths = write_schemas(folder)
    except UnsafePath as exc:
        print(f"rhaglen schema: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"rhaglen schema: could not write {folder}: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args.dir, args.as_of, args.format)
    if args.command == "schema":
        return _schema(args.output)
    if args.command == "new":
        from .scaffold.new import ScaffoldError, scaffold_programme

        try:
            created = scaffold_programme(args.dir, args.slug)
        except ScaffoldError as exc:
            print(f"rhaglen new: {exc}", file=sys.stderr)
            return exc.code
        print(f"Created {created}: fill in every empty value, then run "
              f"`rhaglen validate {args.dir}`.")
        return 0
    if args.command == "diff":
        from .changes.command import diff_command

        return diff_command(args.base, args.head, args.lang, args.as_of, args.dir)
    if args.command == "new-update":
        from .scaffold.update import new_update_command

        return new_update_command(args.dir, args.slug, args.date)
    if args.command == "export":
        from .site.export_data import export_data  # reads mkdocs.yml with MkDocs

        return export_data(args.config_file, args.export_dir, args.as_of)
    if args.command == "serve":
        from .serve.session import serve  # reads mkdocs.yml with MkDocs

        return serve(args.config_file, args.address, args.as_of)
    from .site.build import build_site  # imports MkDocs only when building

    return build_site(args.config_file, args.site_dir, args.as_of)


if __name__ == "__main__":
    sys.exit(main())
