"""Knowledge bases shipped with the package: countries, places (gazetteer), actors (people, organisations, media)."""
