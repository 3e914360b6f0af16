"""Pipeline stages: one spaCy factory per module. Stages never import each other; they talk through ``doc._``."""
