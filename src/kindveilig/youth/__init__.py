"""The youth channel ("Praat erover"), in three apps:

- ``youth.public`` (label ``youth``): what a child sees without logging in — the
  start page, the hulpwijzer, the helplines with opening hours, the privacy page,
  the quick exit, and the pages to write and read a message to a trusted adult.
  Owns the helpline models. No login, no cookies, no JavaScript.
- ``youth.messages`` (label ``youthmessages``): the message domain — conversations
  and their encrypted messages, pick-up codes, danger words, rate limits without
  stored IPs, retention, the alert task and the escalation into a meldcode
  trajectory. No views.
- ``youth.staff`` (label ``youthstaff``, no models): the staff pages — the inbox of
  the trusted adults and the functioneel beheerder's helpline admin.

Arrows: staff → public, messages; public → messages; messages → meldcode (escalation).
"""
