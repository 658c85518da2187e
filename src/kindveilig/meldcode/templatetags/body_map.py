from typing import Any

from django import template

from kindveilig.meldcode.body_map import place

register = template.Library()


@register.inclusion_tag("meldcode/_body_map.html")
def body_map(observation: Any) -> dict[str, Any]:
    marks = list(observation.marks.all())
    return {
        "placed": place(marks),
        "has_marks": bool(marks),
        "observation": observation,
    }
