"""``attachguard copy-text --history`` and ``--again N``: the last copies of fallback text, and
copying one of them again after the clipboard was overwritten (built the same way: the same
size, pages and sheet; the text comes from the cache, so it is quick)."""

from __future__ import annotations

import time

from desktop_app.cli.common import EXIT_OK, CommandContext, fail


def print_history(context: CommandContext) -> int:
    history = context.service.copy_history()
    if not history:
        print("Nothing has been copied yet.")
        return EXIT_OK
    for number, record in enumerate(history, start=1):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(record.copied_at))
        size = f"{record.max_tokens} tokens" if record.max_tokens else record.preset
        chosen = "".join(
            f", {what}" for what in (record.pages and f"pages {record.pages}", record.sheet and
                                     f"sheet {record.sheet}") if what
        )  # fmt: skip
        print(f"{number:>2}  {when}  {record.label}  ({size}{chosen})")
    return EXIT_OK


def copy_again(context: CommandContext, number: int) -> int:
    import sys

    from desktop_app.cli.extract_cmds import ProgressLine
    from desktop_app.core.errors import AttachGuardError
    from desktop_app.core.fallback import copy_text

    history = context.service.copy_history()
    if not 1 <= number <= len(history):
        if not history:
            return fail("nothing has been copied yet")
        return fail(f"there is no copy {number}: --history lists {len(history)} (1 = latest)")
    record = history[number - 1]
    bar = ProgressLine(sys.stderr)
    try:
        prompt = context.service.prompt_for_copy(record, progress=bar.update)
        tool = copy_text(prompt.parts[record.part - 1])
    except KeyboardInterrupt:
        return bar.interrupted()
    except (AttachGuardError, ValueError) as exc:
        bar.clear()
        return fail(f"could not copy {record.label} again: {exc} The clipboard was left unchanged.")
    bar.clear()
    context.service.record_copy(
        record.document,
        part=record.part,
        parts=len(prompt.parts),
        entry_id=record.entry_id,
        preset=record.preset,
        max_tokens=record.max_tokens,
        pages=record.pages,
        sheet=record.sheet,
    )
    print(f"Copied {record.label} again (with {tool}). Paste it into ChatGPT instead of the file.")
    return EXIT_OK
