"""The pass/fail tally the independent checkers share.

Each check counts; a failure is printed to stderr as it happens; `finish`
prints the closing line `NAME: N passed, M failed` (the plain form CI reads)
and exits non-zero when anything failed.
"""
import sys

passed = 0
failed = 0


def check(ok, what):
    """Counts one check; prints `FAIL: what` when `ok` is false."""
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}", file=sys.stderr)
    return ok


def finish(name):
    """Prints the closing line and exits with the verdict."""
    print(f"{name}: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
