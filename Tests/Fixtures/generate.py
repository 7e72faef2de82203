#!/usr/bin/env python3
"""Writes every parity fixture that SwiftLearn's tests read.

Run from anywhere:  python3 Tests/Fixtures/generate.py   (needs: pip install scikit-learn numpy scipy)
The outputs (Tests/Fixtures/*.json) are committed; CI never runs Python.
Each section lives in a gen_<area>.py module beside this file with a `generate()` function.
"""
import glob
import importlib
import os
import sys

import numpy
import scipy
import sklearn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

SECTIONS = sorted(
    os.path.splitext(os.path.basename(p))[0] for p in glob.glob(os.path.join(HERE, "gen_*.py"))
)


def main():
    print(f"scikit-learn {sklearn.__version__}, numpy {numpy.__version__}, scipy {scipy.__version__}")
    wanted = sys.argv[1:] or SECTIONS
    for name in wanted:
        importlib.import_module(name).generate()


if __name__ == "__main__":
    main()
