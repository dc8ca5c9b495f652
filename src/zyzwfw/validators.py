"""Checks and masks for what an applicant types in: ID, mobile, credit code, email.

Each ``validate_*`` function returns ``None`` when the value is valid, or a
translatable message that tells the applicant what is wrong. The value is first
normalized with the matching ``normalize_*`` function (full-width characters typed
with a Chinese input method become ASCII, spaces go, letters become capitals where
the standard uses capitals); "valid" means "valid once normalized", so callers
store the normalized value.

The ``mask_*`` functions hide most of a name or number for anonymous look-ups and
public lists.
"""

from zyzwfw import _

import datetime
import re
import unicodedata


#: Weights of the first 17 digits of a resident ID number (GB 11643-1999).
ID_NUMBER_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

#: Check character of a resident ID number, indexed by the weighted sum mod 11.
ID_NUMBER_CHECK_CHARS = "10X98765432"

#: Characters of a unified social credit code (GB 32100-2015): no I, O, S, V, Z.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

#: Weights of the first 17 characters of a unified social credit code.
CREDIT_CODE_WEIGHTS = (
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
)  # fmt: skip

#: The longest address RFC 5321 lets a mail server accept.
EMAIL_MAX_LENGTH = 254

# Nobody alive was born before this year; an earlier date is a typo.
_EARLIEST_BIRTH_YEAR = 1900

_ID_NUMBER_PATTERN = re.compile(r"\d{17}[\dX]")

# Only the leading "1" and a second digit of 3-9 are checked: the operators'
# number blocks (134, 166, 192, ...) are assigned year by year, so a finer list
# would start refusing real numbers as soon as a new block is issued.
_MOBILE_PATTERN = re.compile(r"1[3-9]\d{9}")

_EMAIL_LOCAL_PATTERN = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
)

# Labels may hold any letter or digit so that Chinese domain names (例子.中国)
# pass; the top-level label is two letters or more, or a punycode label.
_EMAIL_DOMAIN_PATTERN = re.compile(
    r"(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+"
    r"(?:[^\W\d_]{2,63}|xn--[A-Za-z0-9-]{1,59})"
)


def _plain(value):
    """Return ``value`` as NFKC text with all white space removed."""
    text = unicodedata.normalize("NFKC", value or "")
    return "".join(text.split())


def normalize_id_number(value):
    """Return a resident ID number in the form it is checked and stored in.

    :param value: The ID number as typed; ``None`` counts as empty.
    :type value: str
    :returns: The number without white space, full-width digits made ASCII and
        a lower-case check letter ``x`` made upper-case.
    :rtype: str
    """
    return _plain(value).upper()


def normalize_credit_code(value):
    """Return a unified social credit code in the form it is checked and stored in.

    :param value: The code as typed; ``None`` counts as empty.
    :type value: str
    :returns: The code without white space, in ASCII capitals.
    :rtype: str
    """
    return _plain(value).upper()


def normalize_mobile(value):
    """Return a mobile number in the form it is checked and stored in.

    :param value: The number as typed, perhaps with spaces, hyphens or a
        leading ``+86``; ``None`` counts as empty.
    :type value: str
    :returns: The number without separators or country code.
    :rtype: str
    """
    number = _plain(value).replace("-", "")
    if number.startswith("+86"):
        number = number[3:]
    return number


def normalize_email(value):
    """Return an email address in the form it is checked and stored in.

    :param value: The address as typed; ``None`` counts as empty.
    :type value: str
    :returns: The address without surrounding white space, full-width
        characters (such as ``＠``) made ASCII. Case is kept: the part before
        the ``@`` may be case-sensitive.
    :rtype: str
    """
    return unicodedata.normalize("NFKC", value or "").strip()


def id_number_check_digit(first17):
    """Return the check character of a resident ID number.

    :param first17: The first 17 digits of the number.
    :type first17: str
    :returns: The 18th character, a digit or ``"X"``.
    :rtype: str
    :raises ValueError: If ``first17`` is not exactly 17 ASCII digits.
    """
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"Expected 17 digits, got {first17!r}.")
    total = sum(
        int(digit) * weight
        for digit, weight in zip(first17, ID_NUMBER_WEIGHTS, strict=True)
    )
    return ID_NUMBER_CHECK_CHARS[total % 11]


def credit_code_check_char(first17):
    """Return the check character of a unified social credit code.

    :param first17: The first 17 characters of the code, from
        :data:`CREDIT_CODE_ALPHABET`.
    :type first17: str
    :returns: The 18th character.
    :rtype: str
    :raises ValueError: If ``first17`` is not 17 characters of the alphabet.
    """
    if len(first17) != 17 or any(c not in CREDIT_CODE_ALPHABET for c in first17):
        raise ValueError(f"Expected 17 credit code characters, got {first17!r}.")
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight
        for char, weight in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    # 31 - 0 would be 31, one past the alphabet; the standard maps it to "0".
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_id_number(value, today=None):
    """Check a resident ID number (居民身份证号码, GB 11643-1999).

    The number must have 18 characters: a six-digit area code whose first digit
    is 1 to 8, a birth date ``YYYYMMDD`` that exists, is not before 1900 and not
    after ``today``, a three-digit sequence and a check character.

    :param value: The number as typed; see :func:`normalize_id_number`.
    :type value: str
    :param today: The day the birth date may not be after; defaults to today.
    :type today: datetime.date
    :returns: ``None`` if the number is valid, else a message saying what is
        wrong.
    :rtype: zope.i18nmessageid.Message or None
    """
    number = normalize_id_number(value)
    if not number:
        return _("error_id_required", default="Enter the ID number.")
    if len(number) != 18:
        return _(
            "error_id_length",
            default="An ID number has 18 characters; this one has ${length}.",
            mapping={"length": len(number)},
        )
    if not _ID_NUMBER_PATTERN.fullmatch(number) or not number.isascii():
        return _(
            "error_id_characters",
            default="An ID number is 17 digits followed by a digit or the letter X.",
        )
    if number[0] not in "12345678":
        return _(
            "error_id_area",
            default="The ID number does not start with a valid area code.",
        )

    error = _check_birth_date(number[6:14], today or datetime.date.today())
    if error is not None:
        return error

    if id_number_check_digit(number[:17]) != number[17]:
        return _(
            "error_id_checksum",
            default="The check digit of the ID number is wrong.",
        )
    return None


def _check_birth_date(digits, today):
    """Return a message if ``digits`` (YYYYMMDD) is no possible birth date."""
    shown = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    try:
        born = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        born = None
    if born is None or born.year < _EARLIEST_BIRTH_YEAR:
        return _(
            "error_id_birth_date",
            default="The birth date in the ID number (${date}) is not a possible date.",
            mapping={"date": shown},
        )
    if born > today:
        return _(
            "error_id_birth_future",
            default="The birth date in the ID number (${date}) lies in the future.",
            mapping={"date": shown},
        )
    return None


def validate_mobile(value):
    """Check a mainland China mobile number.

    The number must have 11 digits, start with ``1`` and have 3 to 9 as its
    second digit.

    :param value: The number as typed; see :func:`normalize_mobile`.
    :type value: str
    :returns: ``None`` if the number is valid, else a message saying what is
        wrong.
    :rtype: zope.i18nmessageid.Message or None
    """
    number = normalize_mobile(value)
    if not number:
        return _("error_mobile_required", default="Enter the mobile number.")
    if not number.isascii() or not number.isdigit():
        return _(
            "error_mobile_characters",
            default="A mobile number may contain only digits.",
        )
    if len(number) != 11:
        return _(
            "error_mobile_length",
            default="A mobile number has 11 digits; this one has ${length}.",
            mapping={"length": len(number)},
        )
    if not _MOBILE_PATTERN.fullmatch(number):
        return _(
            "error_mobile_prefix",
            default="A mobile number starts with 13 to 19.",
        )
    return None


def validate_credit_code(value):
    """Check a unified social credit code (统一社会信用代码, GB 32100-2015).

    The code must have 18 characters from :data:`CREDIT_CODE_ALPHABET`, the
    last of which is the check character of the first 17.

    :param value: The code as typed; see :func:`normalize_credit_code`.
    :type value: str
    :returns: ``None`` if the code is valid, else a message saying what is
        wrong.
    :rtype: zope.i18nmessageid.Message or None
    """
    code = normalize_credit_code(value)
    if not code:
        return _(
            "error_credit_code_required",
            default="Enter the unified social credit code.",
        )
    if len(code) != 18:
        return _(
            "error_credit_code_length",
            default="A unified social credit code has 18 characters; this one has "
            "${length}.",
            mapping={"length": len(code)},
        )
    wrong = "".join(dict.fromkeys(c for c in code if c not in CREDIT_CODE_ALPHABET))
    if wrong:
        return _(
            "error_credit_code_characters",
            default="A unified social credit code may hold only digits and the "
            "capital letters A to Y except I, O, S and V; this one holds "
            "${characters}.",
            mapping={"characters": " ".join(wrong)},
        )
    if credit_code_check_char(code[:17]) != code[17]:
        return _(
            "error_credit_code_checksum",
            default="The check character of the unified social credit code is wrong.",
        )
    return None


def validate_email(value):
    """Check an email address.

    The check is the practical one: a local part of the characters RFC 5322
    allows without quoting, one ``@``, and a domain of at least two labels
    (Chinese domain names included). Quoted local parts and IP-address domains,
    legal but unused by applicants, are refused.

    :param value: The address as typed; see :func:`normalize_email`.
    :type value: str
    :returns: ``None`` if the address is valid, else a message saying what is
        wrong.
    :rtype: zope.i18nmessageid.Message or None
    """
    address = normalize_email(value)
    if not address:
        return _("error_email_required", default="Enter the email address.")
    if len(address) > EMAIL_MAX_LENGTH:
        return _(
            "error_email_too_long",
            default="An email address may be at most ${maximum} characters long.",
            mapping={"maximum": EMAIL_MAX_LENGTH},
        )

    local, at, domain = address.rpartition("@")
    if (
        not at
        or len(local) > 64
        or not _EMAIL_LOCAL_PATTERN.fullmatch(local)
        or not _EMAIL_DOMAIN_PATTERN.fullmatch(domain)
    ):
        return _(
            "error_email_format",
            default="The email address is not valid; it should look like "
            "name@example.com.",
        )
    return None


def _mask_middle(text, head, tail):
    """Return ``text`` with all but ``head`` and ``tail`` characters starred."""
    if len(text) < head + tail + 2:
        # Too short to show that much: show a quarter at each end at most.
        head = tail = len(text) // 4
    hidden = len(text) - head - tail
    return text[:head] + "*" * hidden + text[len(text) - tail :]


def mask_name(name):
    """Return a person's name with all but its first and last characters hidden.

    ``"张三丰"`` becomes ``"张*丰"``, ``"欧阳娜娜"`` becomes ``"欧**娜"``. A
    two-character name keeps only its first character (``"张三"`` becomes
    ``"张*"``), a one-character name is hidden entirely.

    :param name: The name; ``None`` counts as empty.
    :type name: str
    :returns: The masked name, or ``""`` for an empty name.
    :rtype: str
    """
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" * len(name)
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_id_number(value):
    """Return an ID number with all but its first and last four characters hidden.

    The area of issue's first four digits and the last four characters stay;
    the birth date is hidden: ``"11010519491231002X"`` becomes
    ``"1101**********002X"``. Shorter numbers (passports, permits) keep a
    quarter at each end at most.

    :param value: The number; ``None`` counts as empty.
    :type value: str
    :returns: The masked number, or ``""`` for an empty value.
    :rtype: str
    """
    return _mask_middle(normalize_id_number(value), 4, 4)


def mask_mobile(value):
    """Return a mobile number with its middle four digits hidden.

    ``"13812345678"`` becomes ``"138****5678"``.

    :param value: The number; ``None`` counts as empty.
    :type value: str
    :returns: The masked number, or ``""`` for an empty value.
    :rtype: str
    """
    return _mask_middle(normalize_mobile(value), 3, 4)
