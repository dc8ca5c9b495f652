"""WSGI middleware of the hall's instance."""


class RootRedirect:
    """Send a visitor of the server's root URL on to the hall.

    Only ``/`` itself is redirected; every other path, the Zope management
    interface included, reaches Zope unchanged.
    """

    def __init__(self, app, site_id):
        self.app = app
        self.site_id = site_id

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "") in ("", "/"):
            query = environ.get("QUERY_STRING", "")
            location = f"{environ.get('SCRIPT_NAME', '')}/{self.site_id}"
            if query:
                location = f"{location}?{query}"
            start_response("302 Found", [("Location", location)])
            return [b""]
        return self.app(environ, start_response)


def make_root_redirect(app, global_conf, site_id="zyzwfw"):
    """PasteDeploy filter factory for :class:`RootRedirect`.

    :param app: the WSGI application to wrap.
    :param global_conf: PasteDeploy's global configuration (unused).
    :param site_id: id of the hall's site in the Zope root.
    :returns: the wrapped WSGI application.
    """
    return RootRedirect(app, site_id)
