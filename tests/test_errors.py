"""Coded messages: unique codes, formatting, picklable exceptions."""

import pickle

from newsgraph.errors import BadArticle, Errors, Terminal, Transient, Warnings


def test_errors_codes_unique_and_prefixed():
    for enum, prefix in ((Errors, "E"), (Warnings, "W")):
        codes = [m.value for m in enum]
        assert len(codes) == len(set(codes))
        assert all(c.startswith(prefix) and c[1:].isdigit() for c in codes)


def test_errors_format_puts_code_first():
    assert Errors.E003.format(path="x.txt") == "[E003] x.txt: no such file"
    assert Warnings.W001.format().startswith("[W001] no publication date")


def test_errors_pickle_and_markers():
    exc = pickle.loads(pickle.dumps(BadArticle("[E001] text is empty")))
    assert isinstance(exc, Terminal) and str(exc) == "[E001] text is empty" and not exc.transient
    assert Transient("timeout").transient
