"""``{% next_action_of trajectory as next %}``: who must act next, on the list."""

from typing import Any

from django import template

from kindveilig.meldcode.next_action import NextAction, next_action

register = template.Library()


@register.simple_tag
def next_action_of(trajectory: Any) -> NextAction:
    return next_action(trajectory)
