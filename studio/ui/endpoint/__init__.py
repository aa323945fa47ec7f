"""The endpoint page: header, form/schema/examples tabs, Generate, and the request it sends."""

from studio.ui.endpoint.page import EndpointPage
from studio.ui.endpoint.request_dialog import RequestDialog

__all__ = ["EndpointPage", "RequestDialog"]
