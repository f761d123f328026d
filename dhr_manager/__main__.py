"""`python -m dhr_manager` and the `dhr-manager` console script: no arguments starts the GUI."""

import sys


def main() -> int:
    from dhr_manager.cli import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
