"""Attribution rules: quotation marks, the cue lexicon, and the engine that reads a parsed Doc."""

from .lexicon import cues
from .marks import Quotation, Scan, scan
from .rules import Engine, Found, Result

__all__ = ["Engine", "Found", "Quotation", "Result", "Scan", "cues", "scan"]
