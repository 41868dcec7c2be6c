"""Reading scanned ballots: images in, each page's boxes measured and each person's cell read.

The only package that touches pixels (numpy, OpenCV, pypdfium2, zxing-cpp); core and the
services never do. See reader.py.
"""
