"""The frozen application's entry point: the same as the `dhr-manager` console script."""

import sys

from dhr_manager.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
