"""Answers: a question in English or French -> a structured ``Answer`` (pure) -> message text."""
