"""``POST {item}/@apply``: apply online for a service item.

The body::

    {
        "party": "person" | "legal",
        "applicant": {"name", "id_type", "id_number", "mobile", "email",
                      "company_name", "credit_code",
                      "contact": {"name", "mobile"}},
        "files": {"<material id>": {"filename": "...", "data": "<base64>"}},
        "remarks": "...",
        "submit": true | false
    }

``party`` defaults to ``person``; ``company_name`` and ``credit_code`` are
for ``legal`` only. ``submit`` defaults to ``true``; ``false`` keeps a draft.
The answer is ``201`` with ``{"@id", "number", "query_code", "state"}``
(``number`` and ``query_code`` are ``null`` for a draft), or ``400`` with
each wrong field named, and nothing stored.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.interface import alsoProvides
from zyzwfw import _
from zyzwfw import applications
from zyzwfw.services.replies import error
from zyzwfw.transactions import commit_with_retries

import base64
import binascii
import transaction


class ApplyPost(Service):
    """Create an application of the authenticated user for this item."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except DeserializationError:
            data = None
        if not isinstance(data, dict):
            return error(
                self.request,
                400,
                "BadRequest",
                _("error_json_body", default="The request body is not a JSON object."),
            )
        if not self.context.can_apply_online():
            return self._not_online()

        files, errors = _decoded_files(data.get("files"))
        applicant = data.get("applicant") or {}
        if not isinstance(applicant, dict):
            applicant = {}
            errors.append(
                applications.FieldError(
                    "applicant",
                    _(
                        "error_applicant_object",
                        default="Give the applicant as an object.",
                    ),
                )
            )
        party = data.get("party") or "person"
        submit = bool(data.get("submit", True))
        remarks = data.get("remarks")
        if errors:
            # Name every wrong field at once, the body's and the domain's; a
            # file that could not be read is not also reported missing.
            named = {error.field for error in errors}
            errors += [
                error
                for error in applications.application_errors(
                    self.context, applicant, files, remarks, party, submit
                )
                if error.field not in named
            ]
            return self._invalid(errors)

        def create():
            return applications.create_application(
                self.context,
                applicant=applicant,
                files=files,
                remarks=remarks or "",
                party=party,
                submit=submit,
            )

        try:
            # Concurrent submissions conflict on the yearly counter; retry here
            # rather than answer an error to a citizen.
            receipt = commit_with_retries(create)
        except applications.NotApplicableOnline:
            transaction.abort()
            return self._not_online()
        except applications.ApplicationInvalid as invalid:
            # Nothing of a refused application may be stored.
            transaction.abort()
            return self._invalid(invalid.errors)

        url = receipt.application.absolute_url()
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", url)
        return {
            "@id": url,
            "number": receipt.number,
            "query_code": receipt.query_code,
            "state": receipt.state,
        }

    def _not_online(self):
        return error(
            self.request,
            400,
            "NotApplicableOnline",
            applications.NotApplicableOnline(self.context).message,
        )

    def _invalid(self, errors):
        return error(
            self.request,
            400,
            "ValidationError",
            _(
                "error_application_invalid",
                default="The application was not saved. Correct the fields below.",
            ),
            errors,
        )


def _decoded_files(files):
    """Return the uploads of the body, decoded, and an error per bad one."""
    decoded, errors = {}, []
    if files is None:
        return decoded, errors
    if not isinstance(files, dict):
        errors.append(
            applications.FieldError(
                "files",
                _(
                    "error_files_object",
                    default="Give the files as an object keyed by material id.",
                ),
            )
        )
        return decoded, errors
    for material_id, upload in files.items():
        path = f"files.{material_id}"
        if not isinstance(upload, dict) or not isinstance(upload.get("data"), str):
            errors.append(
                applications.FieldError(
                    path,
                    _(
                        "error_file_object",
                        default="Give each file as its name and its content in base64.",
                    ),
                )
            )
            continue
        try:
            data = base64.b64decode(upload["data"], validate=True)
        except (binascii.Error, ValueError):
            errors.append(
                applications.FieldError(
                    path,
                    _(
                        "error_file_base64",
                        default="${filename}: the content is not valid base64.",
                        mapping={"filename": upload.get("filename") or material_id},
                    ),
                )
            )
            continue
        decoded[material_id] = applications.Upload(
            str(upload.get("filename") or ""), data
        )
    return decoded, errors
