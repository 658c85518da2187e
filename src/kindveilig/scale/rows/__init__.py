"""The rows the generator COPYs: one frozen dataclass per table.

A row type's fields, in order, are the model fields the COPY fills
(``loading.columns``), so a row can never disagree with its column list. Build
rows with keyword arguments; the generator's draws happen in the order the
arguments are written, which is the column order.
"""
