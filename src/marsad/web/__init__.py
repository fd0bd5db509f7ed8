"""The reading room: server-rendered pages and the REST API over the store.

``marsad.web.app.create_app(store)`` builds the FastAPI application; pages live in
``web/pages/`` (one module per page family), the JSON API in ``web/api.py``.
"""
