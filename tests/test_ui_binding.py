"""The Qt binding must not leak references to None: a keying session makes millions of calls."""

import sys

import pytest

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QTableWidgetItem


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_calls_keep_none_alive(qapp):
    point, item = QPoint(), QTableWidgetItem("a")
    before = sys.getrefcount(None)
    for _ in range(2000):
        point.setX(1)
        item.setText("x")
    assert sys.getrefcount(None) >= before - 10
