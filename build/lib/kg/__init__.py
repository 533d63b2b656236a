"""kg: knowledge graphs from Chinese local-government campaign reports."""

__version__ = "0.1.0"
