"""Knowledge bases shipped with the package (countries today; the actor KB builds on this)."""
