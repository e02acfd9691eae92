"""How readable one colour is on another: the WCAG 2 contrast ratio, from 1 (none) to 21.

Text needs 4.5:1 to be comfortably readable at body sizes; the tone colours are chosen to
reach that on the light and the dark background alike.
"""

from __future__ import annotations

READABLE = 4.5
"""The WCAG AA ratio for body text."""

RGB = tuple[int, int, int]


def relative_luminance(rgb: RGB) -> float:
    """The colour's luminance (0 black, 1 white) as the eye weighs sRGB red, green and blue."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: RGB, background: RGB) -> float:
    """The ratio of the lighter colour's luminance to the darker's, each plus 0.05."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
