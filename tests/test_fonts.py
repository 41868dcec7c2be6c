"""The document fonts on a machine without Times New Roman: the static Noto Serif weights made at
install or build time (scripts/make_fonts.py) are used as they are, never cut at the first export."""

from __future__ import annotations

from tinnhiem_desktop.export import fonts


def test_shipped_static_weights_are_used_without_cutting_any(tmp_path, monkeypatch):
    shipped, cache = tmp_path / "shipped", tmp_path / "cache"
    shipped.mkdir()
    version = fonts._noto_version()
    for style in fonts.STYLES:
        (shipped / fonts._static_name(version, style)).write_bytes(b"static weight")
    monkeypatch.setattr(fonts, "_instance", lambda *args: (_ for _ in ()).throw(AssertionError("cut at export")))
    found = fonts.noto_serif(cache, shipped=shipped)
    assert found.family == "Noto Serif"
    assert {style: path.parent for style, path in found.files.items()} == dict.fromkeys(fonts.STYLES, shipped)
    assert not cache.exists()


def test_missing_shipped_weights_are_cut_once_into_the_cache(tmp_path, monkeypatch):
    cut = []

    def instance(source, weight, target):
        cut.append(target.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"cut")

    monkeypatch.setattr(fonts, "_instance", instance)
    first = fonts.noto_serif(tmp_path / "cache", shipped=tmp_path / "none")
    again = fonts.noto_serif(tmp_path / "cache", shipped=tmp_path / "none")
    assert len(cut) == 4 and first == again
    assert {path.parent for path in first.files.values()} == {tmp_path / "cache"}
