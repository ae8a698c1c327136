"""OCR of pictures and scanned PDFs, on documents generated here (Pillow text, pypdfium2
rasters) and degraded as real ones are: word-level recall, reading order, honest "no text"."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from support import docgen
from support import ocr_pages as pages

from desktop_app.core.extract import (
    Extraction,
    ExtractionRunner,
    Failure,
    FailureKind,
    OcrOptions,
    detect_type,
)
from desktop_app.core.extract.messages import user_message
from desktop_app.core.fallback import DocumentText, build_prompt
from desktop_app.core.fallback.tokens import EstimateCounter


@pytest.fixture(scope="module")
def runner() -> Iterator[ExtractionRunner]:
    sandbox = ExtractionRunner(timeout=90, ocr=OcrOptions(languages=("eng",), workers=2))
    yield sandbox
    sandbox.close()


def read(runner: ExtractionRunner, path: Path) -> Extraction:
    result = runner.run(path, detect_type(path))
    assert isinstance(result, Extraction), f"expected text, got {result!r}"
    return result


def half_page(words: list[str], **options: float) -> Image.Image:
    """Half an A4 page of text: enough lines for layout analysis, half the OCR time."""
    return pages.text_page(words, height_in=5.5, **options)


def test_clean_scan_is_read_with_high_recall(runner: ExtractionRunner, tmp_path: Path) -> None:
    words = pages.words(120, seed=1)
    path = tmp_path / "scan.png"
    half_page(words).save(path)
    result = read(runner, path)
    assert pages.recall(words, result.markdown) >= 0.95
    assert result.kind == "image" and result.ocr_pages == (1,)
    assert result.low_confidence_pages == ()


def test_phone_photo_with_exif_rotation(runner: ExtractionRunner, tmp_path: Path) -> None:
    words = pages.words(120, seed=2)
    # The camera stored the picture sideways and says so in EXIF (orientation 6: turn 90° cw).
    sideways = pages.photo(half_page(words)).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "IMG_0001.jpg"
    sideways.save(path, format="JPEG", quality=85, exif=exif.tobytes())
    assert pages.recall(words, read(runner, path).markdown) >= 0.90


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_pages_scanned_sideways_or_upside_down(
    runner: ExtractionRunner, tmp_path: Path, turn: int
) -> None:
    words = pages.words(120, seed=3)
    path = tmp_path / f"turned-{turn}.png"
    half_page(words).rotate(turn, expand=True, fillcolor=255).save(path)
    assert pages.recall(words, read(runner, path).markdown) >= 0.95


def test_skewed_blurred_jpeg_scan_at_150_dpi(runner: ExtractionRunner, tmp_path: Path) -> None:
    words = pages.words(120, seed=4)
    page = half_page(words, dpi=150).rotate(2.5, expand=True, fillcolor=255)
    path = tmp_path / "cheap-scanner.jpg"
    pages.degrade(page, blur=0.6, quality=60).save(path)
    assert pages.recall(words, read(runner, path).markdown) >= 0.90


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshots_light_and_dark(runner: ExtractionRunner, tmp_path: Path, dark: bool) -> None:
    words = pages.words(200, seed=5)
    path = tmp_path / "screenshot.png"
    pages.screenshot(words, dark=dark).save(path)
    assert pages.recall(words, read(runner, path).markdown) >= 0.95


def test_white_text_on_a_transparent_background(runner: ExtractionRunner, tmp_path: Path) -> None:
    words = pages.words(60, seed=6)
    ink = pages.screenshot(words, dark=True).convert("L")
    overlay = Image.new("RGBA", ink.size, (255, 255, 255, 0))
    overlay.putalpha(ink.point(lambda v: 255 if v > 128 else 0))  # only the letters are opaque
    path = tmp_path / "label.png"
    overlay.save(path)
    assert pages.recall(words, read(runner, path).markdown) >= 0.95


def test_two_columns_are_read_column_by_column(runner: ExtractionRunner, tmp_path: Path) -> None:
    left, right = pages.words(150, seed=7), pages.words(150, seed=8)
    path = tmp_path / "newsletter.png"
    pages.two_columns(left, right).save(path)
    text = read(runner, path).markdown
    assert pages.recall(left + right, text) >= 0.95
    # The left column's last line comes before the right column's first line.
    assert text.index(" ".join(left[-3:])) < text.index(" ".join(right[:3]))


def test_table_rows_stay_rows(runner: ExtractionRunner, tmp_path: Path) -> None:
    rows = [
        ["Item", "Quantity", "Price"],
        ["apples", "12", "3.40"],
        ["pears", "7", "2.10"],
        ["plums", "30", "9.99"],
    ]
    path = tmp_path / "invoice.png"
    pages.table(rows).save(path)
    lines = read(runner, path).markdown.splitlines()
    for row in rows:
        matching = [line for line in lines if row[0] in line]
        assert matching, f"row {row} is missing"
        cells = [cell.strip() for cell in matching[0].split("|")]
        assert cells == row, f"row {row} came out as {matching[0]!r}"


def test_a_numbered_list_keeps_each_number_on_its_line(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    items = [
        "Stop the ingestion workers on every node.",
        "Drain the upload queue and wait for it.",
        "Take a snapshot of the database volume.",
        "Rotate the service account credentials.",
        "Restart the workers one region at a time.",
        "Check the error rate on the dashboard.",
        "Send the incident summary to the team.",
    ]
    path = tmp_path / "runbook.png"
    numbered = [f"{n}. {item}" for n, item in enumerate(items, 1)]
    pages.lines_page(["Runbook: restarting the pipeline", *numbered]).save(path)
    lines = [line.strip() for line in read(runner, path).markdown.splitlines()]
    for line in numbered:
        assert line in lines, f"{line!r} is not a line of its own in {lines}"


def test_labels_at_the_start_of_lines_stay_on_their_rows(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    words = pages.words(80, seed=11)
    rows = [f"Page 1 line {n}: " + " ".join(words[n * 6 : n * 6 + 6]) for n in range(1, 12)]
    path = tmp_path / "form.png"
    pages.lines_page(rows).save(path)
    lines = [line.strip() for line in read(runner, path).markdown.splitlines() if line.strip()]
    assert lines == rows


def test_every_frame_of_a_tiff_and_other_picture_formats(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    first, second = pages.words(60, seed=9), pages.words(60, seed=10)
    frames = [half_page(first), half_page(second)]
    tiff = tmp_path / "fax.tiff"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="tiff_deflate")
    result = read(runner, tiff)
    assert result.units == 2 and result.ocr_pages == (1, 2)
    assert pages.recall(first, result.markdown.split("<!-- Page 2 of 2")[0]) >= 0.95
    assert pages.recall(second, result.markdown.split("<!-- Page 2 of 2")[1]) >= 0.95
    words = pages.words(40, seed=11)
    shot = pages.screenshot(words).crop((0, 0, 1280, 200))
    for suffix in ("webp", "bmp", "gif"):
        path = tmp_path / f"snippet.{suffix}"
        shot.save(path, **({"lossless": True} if suffix == "webp" else {}))
        found = read(runner, path)
        assert found.mime_type == f"image/{suffix}"
        assert pages.recall(words[:10], found.markdown) >= 0.9, suffix


def test_image_only_pdf_rendered_from_a_real_pdf(runner: ExtractionRunner, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    texts = [" ".join(pages.words(60, seed=20 + n)) for n in range(2)]
    original = docgen.pdf(tmp_path / "original.pdf", texts, font_size=12)
    document = pdfium.PdfDocument(str(original))
    rasters = [document[i].render(scale=200 / 72, grayscale=True).to_pil() for i in range(2)]
    document.close()
    scan = pages.image_pdf([pages.degrade(r, quality=70) for r in rasters], tmp_path / "scan.pdf")
    result = read(runner, scan)
    assert result.ocr_pages == (1, 2)
    assert "<!-- Page 1 of 2: OCR -->" in result.markdown
    for number, text in enumerate(texts, start=1):
        part = result.markdown.split(f"<!-- Page {number} of 2")[1].split("<!-- Page")[0]
        assert pages.recall(text.split(), part) >= 0.95


def test_mixed_pdf_ocrs_only_the_scanned_page(runner: ExtractionRunner, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    typed = docgen.pdf(tmp_path / "typed.pdf", ["The lease begins in May.", "Signed in June."])
    words = pages.words(80, seed=30)
    scanned = pages.image_pdf([half_page(words)], tmp_path / "scanned.pdf")
    writer = PdfWriter()
    typed_pages = PdfReader(typed).pages
    writer.add_page(typed_pages[0])
    writer.add_page(PdfReader(scanned).pages[0])
    writer.add_page(typed_pages[1])
    mixed = tmp_path / "contract.pdf"
    with mixed.open("wb") as handle:
        writer.write(handle)
    result = read(runner, mixed)
    text = result.markdown
    assert result.ocr_pages == (2,)
    assert text.index("lease begins in May") < text.index("Page 2 of 3: OCR")
    assert text.index("Page 2 of 3: OCR") < text.index("Signed in June")
    assert pages.recall(words, text.split("Page 2 of 3")[1].split("Page 3 of 3")[0]) >= 0.95
    prompt = build_prompt(
        [DocumentText("contract.pdf", mixed.stat().st_size, result)],
        max_tokens=50_000,
        counter=EstimateCounter(),
    )
    assert 'ocr="page 2"' in prompt.parts[0]


def test_a_blurry_page_is_flagged_low_confidence(runner: ExtractionRunner, tmp_path: Path) -> None:
    words = pages.words(120, seed=40)
    page = half_page(words, dpi=100)
    path = tmp_path / "fax.jpg"
    pages.degrade(page, blur=1.4, quality=25).save(path)
    result = read(runner, path)
    assert result.low_confidence_pages == (1,)
    prompt = build_prompt(
        [DocumentText("fax.jpg", path.stat().st_size, result)],
        max_tokens=50_000,
        counter=EstimateCounter(),
    )
    assert 'text="OCR, low confidence"' in prompt.parts[0]


def test_pictures_without_text_say_so(runner: ExtractionRunner, tmp_path: Path) -> None:
    gradient = tmp_path / "sunset.png"
    Image.linear_gradient("L").resize((1200, 800)).convert("RGB").save(gradient)
    noise = tmp_path / "gravel.jpg"
    Image.effect_noise((1200, 800), 80).convert("RGB").save(noise, quality=80)
    for path in (gradient, noise):
        result = runner.run(path, detect_type(path))
        assert isinstance(result, Failure) and result.kind is FailureKind.NO_TEXT, path.name
        assert user_message(result, path.name).startswith(f"No text found in {path.name}")


def test_french_accents_with_the_bundled_french_model(tmp_path: Path) -> None:
    sentence = "Le comité a décidé que la réunion aura lieu à Orléans en été"
    image = Image.new("L", (1700, 140), 255)
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype(str(pages.SERIF), 44)
    ImageDraw.Draw(image).text((30, 40), sentence, font=font, fill=0)
    path = tmp_path / "note.png"
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    sandbox = ExtractionRunner(timeout=90, ocr=OcrOptions(languages=("fra", "eng"), workers=1))
    try:
        result = sandbox.run(path, detect_type(path))
    finally:
        sandbox.close()
    assert isinstance(result, Extraction)
    assert pages.recall(sentence.split(), result.markdown) >= 0.9
    assert "décidé" in result.markdown and "été" in result.markdown


def test_more_languages_from_a_tessdata_folder(tmp_path: Path) -> None:
    from desktop_app.core.extract.ocr.engine import bundled_tessdata

    extra = tmp_path / "tessdata"
    extra.mkdir()
    # Any .traineddata file works; a renamed copy of the English model stands in for a new one.
    (extra / "xyz.traineddata").write_bytes((bundled_tessdata() / "eng.traineddata").read_bytes())
    words = pages.words(40, seed=50)
    path = tmp_path / "memo.png"
    half_page(words).save(path)
    options = OcrOptions(languages=("xyz", "tlh"), workers=1, tessdata_dir=str(extra))
    sandbox = ExtractionRunner(timeout=90, ocr=options)
    try:
        result = sandbox.run(path, detect_type(path))
    finally:
        sandbox.close()
    assert isinstance(result, Extraction)
    assert pages.recall(words, result.markdown) >= 0.95
    assert "no OCR model for tlh; add it (see README)" in result.warnings


def test_a_16_bit_greyscale_scan(runner: ExtractionRunner, tmp_path: Path) -> None:
    words = pages.words(40, seed=55)
    deep = half_page(words).convert("I").point(lambda v: v * 257).convert("I;16")  # 16 bits
    path = tmp_path / "archive-scan.png"
    deep.save(path)
    with Image.open(path) as saved:
        assert saved.mode.startswith("I")  # really a 16-bit file
    assert pages.recall(words, read(runner, path).markdown) >= 0.95
