"""The `tracker` command and `python -m tracker`.

The command line is imported inside the guard so that a Ctrl-C while Python is still
loading it exits quietly (130) instead of printing a traceback.
"""

import sys


def main() -> None:
    try:
        from tracker.cli import main as run_command_line
    except KeyboardInterrupt:
        sys.exit(130)
    run_command_line()


if __name__ == "__main__":
    main()
