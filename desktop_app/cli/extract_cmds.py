"""Subcommands for the text-only fallback: ``extract`` and ``fallback``.

``attachguard extract FILE`` prints a document's text (Markdown, or plain text with
``--format text``); ``attachguard fallback FILE...`` prints the ready-to-paste prompt, split into
numbered parts when it is over the token budget, or puts it on the clipboard with ``--copy``.
Extraction runs in the sandboxed worker and is cached like the app's. Pictures and scans are
OCR'd page by page: on a terminal a progress line shows pages done, the total and the time
left; Ctrl+C stops cleanly and the pages already read are kept, so the next run resumes.
Nothing heavy is imported at module level: the service and the parsers load inside the handlers.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.cli.common import EXIT_OK, CommandContext, print_json, warn

if TYPE_CHECKING:
    from desktop_app.core.extract import Progress
    from desktop_app.core.fallback import TextService

EXIT_INTERRUPTED = 130

MIN_TOKENS = 500  # mirrors desktop_app.core.fallback.prompt.MIN_TOKENS without importing it
#: The size presets and their default part sizes, for --help (mirrors core/fallback/presets.py
#: without importing it: the CLI starts fast; tests/cli/test_cli_presets.py checks they agree).
PRESET_HELP = (
    ("chat", 12_000, "one ChatGPT message (fallback.chat_part_tokens)"),
    ("api", 100_000, "a model's context through the API (fallback.max_tokens)"),
    ("claude", 40_000, "one Claude.ai message"),
    ("gemini", 24_000, "one Gemini app message"),
    ("local", 3_000, "a local model with a 4k-token context (Ollama, LM Studio)"),
)
_PART_RULE = "\n" + "=" * 72 + "\n\n"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = subparsers.add_parser(
        "extract",
        help="print a document's text (PDF, Office, OpenDocument, HTML, e-mail, text...)",
        description="Extract the text of FILE as Markdown (or plain text) and print it. The "
        "real type is detected from the content; pictures and scanned pages are read by OCR. "
        "Exits 1 with a one-line reason when the file is encrypted, damaged, has no text (a "
        "picture OCR reads no words in), is empty or of an unsupported type.",
    )
    extract.add_argument("file", type=Path, metavar="FILE", help="the document")
    extract.add_argument(
        "--format",
        choices=("md", "text"),
        default="md",
        help="Markdown (default) or plain text",
    )
    extract.add_argument("--json", action="store_true", help="the text and its details as JSON")
    extract.set_defaults(handler=cmd_extract)

    fallback = subparsers.add_parser(
        "fallback",
        help="print a ready-to-paste prompt with the documents' text (the text-only fallback)",
        description="Build the prompt to paste into ChatGPT when an upload fails: each file is "
        "named and its text wrapped in a <document> block. Over the token budget, the prompt "
        "is split into numbered parts that each say which part (and pages) they hold; they are "
        "printed one after another, separated by a line of '=', unless --part picks one. The "
        "size of a part depends on where the text goes (--for chat, the default, or api, "
        "claude, gemini, local; or --max-tokens). The text is cleaned first: dot leaders, "
        "running headers and footers, page numbers and hyphenated line breaks are removed.",
    )
    fallback.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the documents")
    add_size_options(fallback)
    fallback.add_argument(
        "--part", type=int, default=None, metavar="K", help="only part K (1-based)"
    )
    fallback.add_argument(
        "--copy",
        action="store_true",
        help="put the prompt (or part K) on the system clipboard instead of printing it",
    )
    fallback.add_argument("--json", action="store_true", help="parts and token counts as JSON")
    fallback.set_defaults(handler=cmd_fallback, fallback_parser=fallback)


def add_size_options(parser: argparse.ArgumentParser) -> None:
    """--for, --max-tokens, --pages and --sheet (shared with copy-text)."""
    names = [name for name, _, _ in PRESET_HELP]
    listing = "; ".join(f"{n} = {size:,} tokens, {what}" for n, size, what in PRESET_HELP)
    parser.add_argument(
        "--for",
        dest="preset",
        type=str.lower,
        choices=names,
        default=None,
        metavar="PRESET",
        help=f"where the text goes, which sets the size of each part (default: the "
        f"fallback.preset setting, chat). Sizes by default: {listing}",
    )
    parser.add_argument(
        "--max-tokens",
        type=_token_budget,
        default=None,
        metavar="N",
        help=f"tokens per part, instead of a preset's size (at least {MIN_TOKENS})",
    )
    parser.add_argument(
        "--pages",
        type=_pages,
        default=None,
        metavar="LIST",
        help="only these pages of a PDF or scan, or slides of a presentation: e.g. 3-10,12",
    )
    parser.add_argument(
        "--sheet", default=None, metavar="NAME", help="only this sheet of a spreadsheet"
    )


def _pages(text: str) -> Any:
    from desktop_app.core.fallback import PageSelection

    try:
        return PageSelection.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def size_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of TextService.fallback_for_* chosen on the command line."""
    return {
        "preset": args.preset,
        "max_tokens": args.max_tokens,
        "pages": args.pages,
        "sheet": args.sheet,
    }


def _token_budget(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < MIN_TOKENS:
        raise argparse.ArgumentTypeError(f"must be at least {MIN_TOKENS}")
    return value


def cmd_extract(args: argparse.Namespace, context: CommandContext) -> int:
    texts = _text_service(context)
    bar = ProgressLine(sys.stderr)
    try:
        extraction = texts.extract_path(args.file, progress=bar.update)
    except KeyboardInterrupt:
        return bar.interrupted()
    finally:
        bar.clear()
        texts.close()
    if args.json:
        print_json({"file": str(args.file), **extraction.to_json()})
        return EXIT_OK
    if args.format == "text":
        from desktop_app.core.extract import to_plain_text

        sys.stdout.write(to_plain_text(extraction.markdown))
    else:
        sys.stdout.write(extraction.markdown)
    for warning in extraction.warnings:
        warn(f"{args.file.name}: {warning}")
    return EXIT_OK


def cmd_fallback(args: argparse.Namespace, context: CommandContext) -> int:
    texts = _text_service(context)
    bar = ProgressLine(sys.stderr)
    try:
        prompt = texts.fallback_for_paths(args.files, progress=bar.update, **size_options(args))
    except KeyboardInterrupt:
        return bar.interrupted()
    finally:
        bar.clear()
        texts.close()
    total = len(prompt.parts)
    if args.part is not None and not 1 <= args.part <= total:
        # A usage error (exit 2), though only the built prompt knows how many parts there are.
        parser: argparse.ArgumentParser = args.fallback_parser
        parser.error(f"--part must be between 1 and {total}")
    chosen = range(total) if args.part is None else [args.part - 1]
    for problem in prompt.skipped:
        warn(problem)
    if args.json:
        print_json(
            {
                "tokenizer": prompt.tokenizer,
                "documents": list(prompt.documents),
                "skipped": list(prompt.skipped),
                "parts": [
                    {
                        "part": i + 1,
                        "tokens": prompt.token_counts[i],
                        "holds": prompt.spans[i] if i < len(prompt.spans) else "",
                        "text": prompt.parts[i],
                    }
                    for i in chosen
                ],
            }
        )
        return EXIT_OK
    text = _PART_RULE.join(prompt.parts[i] for i in chosen)
    if args.copy:
        from desktop_app.core.fallback import copy_text

        tool = copy_text(text)
        what = f"part {args.part} of {total}" if args.part else f"{total} part(s)"
        tokens = sum(prompt.token_counts[i] for i in chosen)
        warn(f"copied {what} ({tokens} tokens, {prompt.tokenizer}) to the clipboard with {tool}")
        return EXIT_OK
    sys.stdout.write(text)
    if total > 1 and args.part is None:
        warn(f"the prompt has {total} parts; paste them one at a time (see --part)")
    return EXIT_OK


def _text_service(context: CommandContext) -> TextService:
    """A TextService for files on disk, without opening the store or importing the SDK.

    ``context.service`` would also work, but it loads the upload machinery (the openai SDK
    alone takes over a second to import) that extracting a file never needs. The text cache
    is the same one the app uses.
    """
    from desktop_app.core.fallback import TextService
    from desktop_app.settings import load_settings

    loaded = load_settings(context.paths.settings_file)
    for problem in loaded.problems:
        warn(f"settings: {problem}")
    return TextService(
        None,
        context.paths.extract_cache_dir,
        loaded.settings.fallback,
        ocr=loaded.settings.ocr.options(),
    )


class ProgressLine:
    """``OCR: page 3 of 20 (15 %), about 0:42 left`` on one rewritten line, only on a terminal;
    the time left is measured from this run's pages (resumed pages come instantly)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._shown = False
        self._start: tuple[float, int] | None = None
        self.done = 0

    def update(self, progress: Progress) -> None:
        self.done = progress.done
        now = time.monotonic()
        if self._start is None or progress.done < self._start[1]:
            self._start = (now, progress.done - (1 if progress.page is not None else 0))
        if not self._tty:
            return
        started, base = self._start
        line = f"OCR: page {progress.done} of {progress.total} "
        line += f"({100 * progress.done // max(progress.total, 1)} %)"
        measured = progress.done - base
        if measured > 0 and progress.done < progress.total:
            left = (now - started) / measured * (progress.total - progress.done)
            line += f", about {int(left // 60)}:{int(left % 60):02d} left"
        self._stream.write("\r\x1b[2K" + line)
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()
            self._shown = False

    def interrupted(self) -> int:
        self.clear()
        kept = f"; {self.done} page(s) read are kept and the next run resumes" if self.done else ""
        warn(f"cancelled{kept}")
        return EXIT_INTERRUPTED
