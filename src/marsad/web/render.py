"""The template environment and the one function every page renders through.

Autoescaping is on for every template (post content is hostile). ``render`` adds the
interface language, its direction, the translator ``t`` and the navigation to each
page's context, and remembers a ``?lang=`` choice in a cookie.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from marsad.web import format as fmt
from marsad.web import i18n

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class NavItem:
    """One entry of the top navigation: a catalogue key for its label and a path.

    Other capabilities add their page by appending to ``app.state.nav`` (see
    :func:`marsad.web.app.create_app`).
    """

    key: str
    path: str


def make_environment() -> Environment:
    """The Jinja2 environment: autoescape everywhere, undefined names are errors."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        iso=fmt.iso,
        short_time=fmt.short_time,
        snippet=fmt.snippet,
        human_size=fmt.human_size,
        tail=fmt.tail,
        safe_href=fmt.safe_href,
    )
    env.globals.update(text_dir=fmt.text_dir, meta_view=fmt.meta_view)
    return env


def make_templates() -> Jinja2Templates:
    """Starlette's template wrapper over :func:`make_environment`."""
    return Jinja2Templates(env=make_environment())


def ui_language(request: Request) -> str:
    """The interface language of this request (query, then cookie, then settings)."""
    default = request.app.state.store.settings.lang
    return i18n.pick_language(
        request.query_params.get("lang"), request.cookies.get(i18n.COOKIE), default
    )


def url_with(request: Request, **changes: Any) -> str:
    """The current path and query with some parameters replaced (None removes one)."""
    params = {k: v for k, v in request.query_params.multi_items() if k not in changes}
    params.update({k: str(v) for k, v in changes.items() if v not in (None, "")})
    query = urlencode(params)
    # never "//host/...": a crafted path must not turn the link into another site's
    path = "/" + quote(request.url.path.lstrip("/\\"), safe="/")
    return f"{path}?{query}" if query else path


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    """Render template ``name`` with the common page context.

    Args:
        request: The current request.
        name: Template file name under ``web/templates``.
        context: Page-specific values.
        status_code: HTTP status of the answer.
    """
    lang = ui_language(request)
    names = i18n.catalogue(lang)
    ctx = {
        "lang": lang,
        "dir": i18n.direction(lang),
        "t": i18n.translator(lang),
        "nav": request.app.state.nav,
        "url_with": lambda **changes: url_with(request, **changes),
        "current_path": request.url.path,
        "language_name": lambda code: names.get(f"language.{code}", code or "?"),
        **context,
    }
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(request, name, ctx, status_code=status_code)
    asked = request.query_params.get("lang")
    if asked in i18n.LANGUAGES and asked != request.cookies.get(i18n.COOKIE):
        response.set_cookie(
            i18n.COOKIE, asked, max_age=COOKIE_MAX_AGE, httponly=True, samesite="lax"
        )
    return response
