"""Temporal expressions: recognition (``recognize``), resolution (``resolve``), the ``times`` component
(``component``) and event dates for the events coder (``eventdate``)."""
