"""Cross-document linking: the same event and the same claim across outlets, and contested claims.

Pure functions over flat records (no DuckDB, no spaCy): build mentions from contract Documents, cluster them, and
find the claims that one source supports and another denies.

>>> mentions = [m for doc in documents for m in event_mentions(doc)]
>>> clusters = cluster_events(mentions, min_size=2)
"""

from __future__ import annotations

from .claims import ClaimLinkConfig, ContestedClaim, Position, cluster_claims, contested
from .events import EventLinkConfig, cluster_events
from .records import (
    ClaimMention,
    Cluster,
    EventMention,
    LinkStats,
    claim_mentions,
    cluster_id,
    event_mentions,
)

__all__ = [
    "ClaimLinkConfig", "ClaimMention", "Cluster", "ContestedClaim", "EventLinkConfig", "EventMention", "LinkStats",
    "Position", "claim_mentions", "cluster_claims", "cluster_events", "cluster_id", "contested", "event_mentions",
]
