"""Export or import a department's implementation list; run with ``zconsole run``.

    zconsole run instance/etc/zope.conf scripts/implementation_list.py \\
        export DEPARTMENT_ID FILE
    zconsole run instance/etc/zope.conf scripts/implementation_list.py \\
        import DEPARTMENT_ID FILE [--dry-run]

DEPARTMENT_ID is the id of the department in the site's ``departments``
folder, as in http://localhost:8080/zyzwfw/departments/DEPARTMENT_ID.

``export`` writes the department's implementation list (实施清单) to FILE as
an Excel workbook. ``import`` reads FILE back: it prints how many items and
materials it created, updated and left unchanged, or, when any row is wrong,
prints every problem by sheet, row and column and changes nothing.
``--dry-run`` checks the file and prints what an import would do, without
doing it. The sheets and columns are described in the workbook's sheet 说明
and in ``zyzwfw.implementation_list``.

Environment:
    SITE_ID     id of the site (default zyzwfw)
    ZOPE_USER   the account the import runs as, which owns the new items
                (default admin, the Zope administrator ``make start`` creates)

Exit status: 0 done; 1 the file has problems, nothing was imported; 2 wrong
arguments, or no such site, department or account.
"""

from pathlib import Path
from plone import api
from zope.component.hooks import setSite
from zope.i18n import translate
from zyzwfw import implementation_list
from zyzwfw.setuphandlers.install import DEPARTMENTS_ID

import argparse
import os
import sys
import transaction


OK = 0
BAD_FILE = 1
BAD_ARGUMENTS = 2


def parse_arguments(argv):
    """Read the command line that follows the script's name.

    :param argv: the arguments after the script's path.
    :returns: an ``argparse.Namespace`` with ``command``, ``department``,
        ``file`` and ``dry_run``.
    :raises SystemExit: with status 2 on wrong arguments.
    """
    parser = argparse.ArgumentParser(
        prog="implementation_list.py",
        description="Export or import a department's implementation list.",
    )
    parser.add_argument("command", choices=("export", "import"))
    parser.add_argument("department", help="id of the department")
    parser.add_argument("file", type=Path, help="the .xlsx file")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and report, change nothing (import only)",
    )
    return parser.parse_args(argv)


def _say(out, message):
    print(translate(message, target_language=implementation_list.LANGUAGE), file=out)


def run(site, arguments, out=sys.stdout):
    """Export or import as the arguments say, without committing.

    :param site: the hall's Plone site, set as the current site.
    :param arguments: the namespace :func:`parse_arguments` returns.
    :param out: where to print the report.
    :returns: the exit status.
    """
    department = site.get(DEPARTMENTS_ID, {}).get(arguments.department)
    if department is None or department.portal_type != "Department":
        print(f"没有这个部门 no such department: {arguments.department}", file=out)
        return BAD_ARGUMENTS

    if arguments.command == "export":
        data = implementation_list.export_department(department)
        arguments.file.write_bytes(data)
        print(f"已导出 exported: {arguments.file} ({len(data)} bytes)", file=out)
        return OK

    if not arguments.file.is_file():
        print(f"找不到文件 no such file: {arguments.file}", file=out)
        return BAD_ARGUMENTS
    report = implementation_list.import_department(
        department, arguments.file.read_bytes(), dry_run=arguments.dry_run
    )
    for message in implementation_list.report_messages(report):
        _say(out, message)
    return OK if report.ok else BAD_FILE


def main(app, argv):
    """Run the command in the site and commit what an import changed.

    :param app: the Zope application root ``zconsole`` passes.
    :param argv: the arguments after the script's path.
    :returns: the exit status.
    """
    arguments = parse_arguments(argv)
    site_id = os.environ.get("SITE_ID", "zyzwfw")
    site = app.get(site_id)
    if site is None:
        print(f"没有这个站点 no such site: {site_id}")
        return BAD_ARGUMENTS
    setSite(site)

    user_id = os.environ.get("ZOPE_USER", "admin")
    try:
        account = api.env.adopt_user(username=user_id)
    except api.exc.UserNotFoundError:
        print(f"没有这个账号 no such account: {user_id}")
        return BAD_ARGUMENTS

    try:
        with account:
            status = run(site, arguments)
    except BaseException:
        # An import is applied whole or not at all.
        transaction.abort()
        raise

    if status == OK and arguments.command == "import" and not arguments.dry_run:
        transaction.commit()
    else:
        transaction.abort()
    return status


def _script_arguments(argv):
    # zconsole leaves its own arguments in sys.argv: the script's come after
    # the script's path.
    for index, argument in enumerate(argv):
        if argument.endswith("implementation_list.py"):
            return argv[index + 1 :]
    return argv[1:]


if __name__ == "__main__":
    # zconsole run passes the Zope application as the global name ``app``.
    sys.exit(main(app, _script_arguments(sys.argv)))  # noqa: F821
