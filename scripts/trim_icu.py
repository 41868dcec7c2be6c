"""A smaller ICU data library for the Linux bundle (build.spec calls `trim`).

PySide6's Qt links ICU, whose data library (libicudata.so.NN, about 32 MB) holds the collation,
calendar, unit, currency, zone and language names of every locale of the world, the legacy
character-set tables and the Thai/Khmer/CJK word dictionaries. The program speaks Vietnamese and
English. This keeps, from ICU's own common data archive:
- every item that is not one locale's (supplemental data, time zones, normalisation, the root
  collation table, break rules, converter aliases, each tree's pool and index),
- and, in every tree (names, collation, break iteration, spelled-out numbers...), the root,
  Vietnamese and English locales;
and leaves out the other locales, the legacy converters (`*.cnv`; UTF-8/16 need none), the
transliterators and the word-break dictionaries. An item ICU does not find falls back to root,
as for any locale it does not know.

The archive is ICU's "common data" format (a header, then a table of contents of name and data
offsets, then the items, each 16-byte aligned); the new library is that archive as the read-only
symbol `icudtNN_dat`, assembled and linked with binutils (`as`, `ld`), which PyInstaller needs on
Linux anyway. Run alone to see what it keeps:
`python scripts/trim_icu.py .venv/lib/python3.11/site-packages/PySide6/Qt/lib/libicudata.so.73 /tmp/icu`
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

LOCALES = re.compile(r"^(root|vi|vi_.*|en|en_.*)$")
LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")  # af, sr_Latn_BA, es_419 (not pool, metaZones...)
DROPPED_TREES = {"translit"}
DROPPED_SUFFIXES = (".cnv", ".dict")


def keep(name: str) -> bool:
    """`name` is an item's path inside the archive, such as icudt73l/coll/vi.res."""
    parts = name.split("/")[1:]
    if parts[0] in DROPPED_TREES or name.endswith(DROPPED_SUFFIXES):
        return False
    stem, _, suffix = parts[-1].rpartition(".")
    if suffix == "res" and LOCALE_NAME.match(stem):
        return bool(LOCALES.match(stem))
    return True


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size."""
    out = subprocess.run(["nm", "-D", "--defined-only", "-S", str(library)], capture_output=True, text=True,
                         check=True).stdout
    for line in out.split("\n"):
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            symbol, address, size = fields[3], int(fields[0], 16), int(fields[1], 16)
            break
    else:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    sections = subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True, check=True).stdout
    for line in sections.split("\n"):
        fields = line.split()
        if len(fields) >= 6 and fields[0].isdigit():
            vma, offset, length = int(fields[3], 16), int(fields[5], 16), int(fields[2], 16)
            if vma <= address < vma + length:
                return symbol, offset + address - vma, size
    raise ValueError(f"{library}: the data symbol lies in no section")


def filtered_archive(data: bytes) -> tuple[bytes, list[str], list[str]]:
    """The archive with only the items `keep` accepts: (archive, kept names, dropped names)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data archive")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    base = header_size
    names = [data[base + n:data.index(b"\0", base + n)].decode("ascii") for n, _ in toc]
    starts = [base + d for _, d in toc]
    ends = starts[1:] + [len(data)]
    kept = [i for i in range(count) if keep(names[i])]
    # the new table of contents: count, then (name offset, data offset) pairs, from the table's start
    names_block = b"".join(names[i].encode("ascii") + b"\0" for i in kept)
    table = 4 + 8 * len(kept)
    items_at = table + len(names_block)
    items_at += -(header_size + items_at) % 16
    entries, items, name_at, at = [], [], table, items_at
    for i in kept:
        item = data[starts[i]:ends[i]]
        entries.append((name_at, at))
        name_at += len(names[i]) + 1
        padding = -len(item) % 16
        items.append(item + b"\0" * padding)
        at += len(item) + padding
    toc_bytes = struct.pack("<I", len(kept)) + b"".join(struct.pack("<II", *e) for e in entries) + names_block
    toc_bytes += b"\0" * (items_at - len(toc_bytes))
    archive = data[:header_size] + toc_bytes + b"".join(items)
    return archive, [names[i] for i in kept], [names[i] for i in range(count) if i not in kept]


def trim(library: Path, folder: Path) -> Path:
    """A trimmed copy of `library` (same file name and soname) in `folder`."""
    library, folder = Path(library), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _symbol(library)
    raw = library.read_bytes()[offset:offset + size]
    archive, kept, dropped = filtered_archive(raw)
    (folder / "icudata.dat").write_bytes(archive)
    source = folder / "icudata.s"
    source.write_text(
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n"
        f"\t.incbin \"{folder / 'icudata.dat'}\"\n\t.size {symbol}, . - {symbol}\n"
        "\t.section .note.GNU-stack,\"\",@progbits\n"
    )
    target = folder / library.name
    subprocess.run(["as", "-o", str(folder / "icudata.o"), str(source)], check=True)
    subprocess.run(["ld", "-shared", "-soname", library.name, "-o", str(target), str(folder / "icudata.o")],
                   check=True)
    print(f"trim_icu: {library.name} {size / 1e6:.1f} MB -> {len(archive) / 1e6:.1f} MB "
          f"({len(kept)} items kept, {len(dropped)} left out)")
    return target


if __name__ == "__main__":
    trim(Path(sys.argv[1]), Path(sys.argv[2]))
