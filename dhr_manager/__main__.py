"""`python -m dhr_manager` and the `dhr-manager` console script: no arguments starts the GUI."""

import sys


def main() -> int:
    from dhr_manager.app import gui_start

    code = gui_start(sys.argv[1:])  # the GUI need not wait for the command line's modules to import
    if code is not None:
        return code
    from dhr_manager.cli import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
