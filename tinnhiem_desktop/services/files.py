"""Reading the user's text files, with errors that name the file (and the line)."""

from __future__ import annotations

from pathlib import Path

from ..core.issues import Location, TinNhiemError, os_reason


def read_text(path: Path) -> str:
    """A UTF-8 text file (a byte-order mark is dropped), or a coded error naming it."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TinNhiemError("file_not_found", file=str(path)) from None
    except IsADirectoryError:
        raise TinNhiemError("path_is_folder", file=str(path)) from None
    except OSError as error:
        raise TinNhiemError("file_unreadable", file=str(path), detail=os_reason(error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TinNhiemError("file_not_utf8", Location(str(path), line)) from None


def output_folder(text: str) -> Path:
    """The folder typed for documents to be written in (made when they are written), or a coded
    error: none typed (the program's own folder would be used), a file of that name, a character
    no file name may hold."""
    text = text.strip()
    if not text:
        raise TinNhiemError("folder_not_chosen")
    if "\0" in text:
        raise TinNhiemError("path_bad_character", path=text.replace("\0", "\\0"))
    folder = Path(text)
    try:
        if folder.exists() and not folder.is_dir():
            raise TinNhiemError("folder_is_file", folder=str(folder))
    except OSError as error:
        raise TinNhiemError("file_unreadable", file=str(folder), detail=os_reason(error)) from None
    return folder
