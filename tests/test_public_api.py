"""The public surface changes only on purpose."""

import figures


def test_public_names() -> None:
    """figures exports exactly these names."""
    assert figures.__all__ == sorted(figures.__all__)
    assert figures.__all__ == ["FINDING_COLUMNS", "Tolerances", "article_status", "check", "extract",
                               "fill_text_rates", "implied_rates", "plot", "quantities"]
