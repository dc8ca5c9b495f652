"""Checks and masks for ID numbers, mobile numbers, credit codes and email."""

from zyzwfw.validators import CREDIT_CODE_ALPHABET
from zyzwfw.validators import credit_code_check_char
from zyzwfw.validators import id_number_check_digit
from zyzwfw.validators import mask_id_number
from zyzwfw.validators import mask_mobile
from zyzwfw.validators import mask_name
from zyzwfw.validators import normalize_credit_code
from zyzwfw.validators import normalize_email
from zyzwfw.validators import normalize_id_number
from zyzwfw.validators import normalize_mobile
from zyzwfw.validators import validate_credit_code
from zyzwfw.validators import validate_email
from zyzwfw.validators import validate_id_number
from zyzwfw.validators import validate_mobile

import datetime
import pytest


TODAY = datetime.date(2026, 3, 15)


def id_number(first17):
    """Return a valid ID number starting with ``first17``."""
    return first17 + id_number_check_digit(first17)


def credit_code(first17):
    """Return a valid unified social credit code starting with ``first17``."""
    return first17 + credit_code_check_char(first17)


def wrong_last(number):
    """Return an ID number with its check character replaced by another."""
    return number[:-1] + next(c for c in "0123456789X" if c != number[-1])


class TestIdNumberCheckDigit:
    @pytest.mark.parametrize(
        "first17,check",
        [
            ("11010519491231002", "X"),  # the example of GB 11643-1999
            ("44052418800101001", "4"),
            ("51200219900307123", "0"),
            ("00000000000000000", "1"),
        ],
    )
    def test_known_numbers(self, first17, check):
        """The check character of published and computed examples."""
        assert id_number_check_digit(first17) == check

    def test_every_check_character_occurs(self):
        """Varying the sequence yields all eleven check characters."""
        checks = {id_number_check_digit(f"5120021990030{i:04d}") for i in range(200)}
        assert checks == set("0123456789X")

    @pytest.mark.parametrize(
        "first17",
        ["", "1101051949123100", "110105194912310021", "1101051949123100X", "１" * 17],
    )
    def test_refuses_what_is_not_17_digits(self, first17):
        """Anything but 17 ASCII digits is a programming error."""
        with pytest.raises(ValueError):
            id_number_check_digit(first17)


class TestValidateIdNumber:
    @pytest.mark.parametrize(
        "value",
        [
            "11010519491231002X",
            "11010519491231002x",
            " 11010519491231002X ",
            "110105 19491231 002X",
            "１１０１０５１９４９１２３１００２Ｘ",
            id_number("51200219900307123"),
            id_number("51200220000229456"),  # a leap day
            id_number("81000019850101123"),  # Hong Kong residence permit
            id_number("51200220260315123"),  # born today
            id_number("51200219000101123"),  # the earliest accepted year
        ],
    )
    def test_valid(self, value):
        """Valid numbers, as typed in many ways, pass."""
        assert validate_id_number(value, today=TODAY) is None

    @pytest.mark.parametrize(
        "value,error",
        [
            ("", "error_id_required"),
            (None, "error_id_required"),
            ("   ", "error_id_required"),
            ("51200219900307123", "error_id_length"),
            ("5120021990030712345", "error_id_length"),
            ("512002900307123", "error_id_length"),  # first generation, 15 digits
            ("51200219900307A233", "error_id_characters"),
            ("5120021990030712X3", "error_id_characters"),
            ("51200219900307123Y", "error_id_characters"),
            (id_number("01200219900307123"), "error_id_area"),
            (id_number("91200219900307123"), "error_id_area"),
            (id_number("51200219901307123"), "error_id_birth_date"),
            (id_number("51200219900230123"), "error_id_birth_date"),
            (id_number("51200220230229123"), "error_id_birth_date"),
            (id_number("51200219900000123"), "error_id_birth_date"),
            (id_number("51200218991231123"), "error_id_birth_date"),
            ("440524188001010014", "error_id_birth_date"),  # GB's 1880 example
            (id_number("51200220260316123"), "error_id_birth_future"),
            (id_number("51200230000101123"), "error_id_birth_future"),
            ("110105194912310021", "error_id_checksum"),
            (wrong_last(id_number("51200219900307123")), "error_id_checksum"),
            ("11010519491231002Ｙ", "error_id_characters"),
        ],
    )
    def test_invalid(self, value, error):
        """Each kind of mistake gets its own message."""
        assert validate_id_number(value, today=TODAY) == error

    def test_length_message_counts(self, zh):
        """The length message says how many characters were typed."""
        message = validate_id_number("5120021990030712", today=TODAY)
        assert message.mapping == {"length": 16}
        assert zh(message) == "身份证号码应为18位，您输入的是16位。"

    def test_birth_date_message_shows_date(self, zh):
        """The birth date messages show the date as read from the number."""
        message = validate_id_number(id_number("51200219900230123"), today=TODAY)
        assert zh(message) == "身份证号码中的出生日期（1990-02-30）不是有效日期。"

    def test_checksum_message(self, zh):
        """A wrong check digit is reported in Chinese."""
        message = validate_id_number("110105194912310021")
        assert zh(message) == "身份证号码校验位不正确。"

    def test_today_defaults_to_the_real_day(self):
        """Without ``today``, a birth date tomorrow is in the future."""
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        number = id_number(f"512002{tomorrow:%Y%m%d}123")
        assert validate_id_number(number) == "error_id_birth_future"

    def test_normalize(self):
        """The normalized form is what a valid number is stored as."""
        assert normalize_id_number(" １１０１０５ 19491231002x") == "11010519491231002X"


class TestValidateMobile:
    @pytest.mark.parametrize(
        "value",
        [
            "13812345678",
            "14512345678",
            "15012345678",
            "16612345678",
            "17712345678",
            "18912345678",
            "19912345678",
            " 138 1234 5678 ",
            "138-1234-5678",
            "+86 138 1234 5678",
            "１３８１２３４５６７８",
        ],
    )
    def test_valid(self, value):
        """Numbers of every operator block, as typed in many ways, pass."""
        assert validate_mobile(value) is None

    @pytest.mark.parametrize(
        "value,error",
        [
            ("", "error_mobile_required"),
            (None, "error_mobile_required"),
            ("1381234567a", "error_mobile_characters"),
            ("138.1234.5678", "error_mobile_characters"),
            ("(028)26612345", "error_mobile_characters"),
            ("1381234567", "error_mobile_length"),
            ("138123456789", "error_mobile_length"),
            ("008613812345678", "error_mobile_length"),
            ("12812345678", "error_mobile_prefix"),
            ("11012345678", "error_mobile_prefix"),
            ("23812345678", "error_mobile_prefix"),
            ("02826612345", "error_mobile_prefix"),
        ],
    )
    def test_invalid(self, value, error):
        """Each kind of mistake gets its own message."""
        assert validate_mobile(value) == error

    def test_length_message(self, zh):
        """The length message says how many digits were typed."""
        assert zh(validate_mobile("1381234567")) == "手机号码应为11位，您输入的是10位。"

    @pytest.mark.parametrize(
        "value,expected",
        [
            ("138 1234 5678", "13812345678"),
            ("+86-138-1234-5678", "13812345678"),
            ("１３８１２３４５６７８", "13812345678"),
            (None, ""),
        ],
    )
    def test_normalize(self, value, expected):
        """Separators and the country code go."""
        assert normalize_mobile(value) == expected


class TestCreditCodeCheckChar:
    @pytest.mark.parametrize(
        "code",
        [
            "91350100M000100Y43",  # the example of GB 32100-2015
            "914403001922038216",
            "9144030071526726XG",
            "91330100716105852F",
            "91110000600037341L",
        ],
    )
    def test_real_codes(self, code):
        """The check character of real organizations' codes."""
        assert credit_code_check_char(code[:17]) == code[17]

    def test_remainder_zero_maps_to_zero(self):
        """A weighted sum divisible by 31 gives "0", not an index past the end."""
        assert credit_code_check_char("0" * 17) == "0"

    def test_every_check_character_occurs(self):
        """Varying the code yields all 31 check characters."""
        checks = {
            credit_code_check_char(f"9151200{a}{b}00000000")
            for a in CREDIT_CODE_ALPHABET
            for b in CREDIT_CODE_ALPHABET
        }
        assert checks == set(CREDIT_CODE_ALPHABET)

    @pytest.mark.parametrize(
        "first17", ["", "9151200MA62XXXXX", "9151200MA62XXXXXXX", "9151200MA62XXXXXI"]
    )
    def test_refuses_bad_input(self, first17):
        """Anything but 17 characters of the alphabet is a programming error."""
        with pytest.raises(ValueError):
            credit_code_check_char(first17)


class TestValidateCreditCode:
    @pytest.mark.parametrize(
        "value",
        [
            "91350100M000100Y43",
            "9144030071526726XG",
            "9144030071526726xg",
            " 9144 0300 7152 6726 XG ",
            "９１４４０３００７１５２６７２６ＸＧ",
            credit_code("91512002MA62ABCDE"),
            credit_code("52512002MJQ123456"),
        ],
    )
    def test_valid(self, value):
        """Valid codes, as typed in many ways, pass."""
        assert validate_credit_code(value) is None

    @pytest.mark.parametrize(
        "value,error",
        [
            ("", "error_credit_code_required"),
            (None, "error_credit_code_required"),
            ("9144030071526726X", "error_credit_code_length"),
            ("9144030071526726XGG", "error_credit_code_length"),
            ("512002000012345", "error_credit_code_length"),  # old registration no.
            ("91512002MA62IBCDE0", "error_credit_code_characters"),
            ("91512002MA62OBCDE0", "error_credit_code_characters"),
            ("91512002MA62SBCDE0", "error_credit_code_characters"),
            ("91512002MA62VBCDE0", "error_credit_code_characters"),
            ("91512002MA62ZBCDE0", "error_credit_code_characters"),
            ("91512002MA62-BCDE0", "error_credit_code_characters"),
            ("9144030071526726XH", "error_credit_code_checksum"),
            ("9144030071526727XG", "error_credit_code_checksum"),
        ],
    )
    def test_invalid(self, value, error):
        """Each kind of mistake gets its own message."""
        assert validate_credit_code(value) == error

    def test_characters_message_names_them(self, zh):
        """The message lists each wrong character once."""
        message = validate_credit_code("91512002MA62IOIOE0")
        assert message.mapping == {"characters": "I O"}
        assert zh(message) == (
            "统一社会信用代码只能由数字和除I、O、S、V以外的大写字母A至Y组成，"
            "您输入的代码中含有：I O。"
        )

    def test_normalize(self):
        """The normalized form is what a valid code is stored as."""
        assert normalize_credit_code(" 9144 0300 7152 6726 xg") == "9144030071526726XG"


class TestValidateEmail:
    @pytest.mark.parametrize(
        "value",
        [
            "zhangsan@example.com",
            "Zhang.San+apply@mail.ziyang.gov.cn",
            "zhang_san-1990@163.com",
            "12345678@qq.com",
            " zhangsan@example.com ",
            "zhangsan＠example.com",
            "zhangsan@例子.中国",
            "zhangsan@xn--fsqu00a.xn--fiqs8s",
            "a@b.cn",
            "o'brien@example.ie",
        ],
    )
    def test_valid(self, value):
        """Ordinary addresses pass."""
        assert validate_email(value) is None

    @pytest.mark.parametrize(
        "value,error",
        [
            ("", "error_email_required"),
            (None, "error_email_required"),
            ("zhangsan", "error_email_format"),
            ("zhangsan@", "error_email_format"),
            ("@example.com", "error_email_format"),
            ("zhangsan@example", "error_email_format"),
            ("zhang san@example.com", "error_email_format"),
            ("zhangsan@@example.com", "error_email_format"),
            ("zhang@san@example.com", "error_email_format"),
            (".zhangsan@example.com", "error_email_format"),
            ("zhangsan.@example.com", "error_email_format"),
            ("zhang..san@example.com", "error_email_format"),
            ("zhangsan@-example.com", "error_email_format"),
            ("zhangsan@example-.com", "error_email_format"),
            ("zhangsan@example..com", "error_email_format"),
            ("zhangsan@example.c", "error_email_format"),
            ("zhangsan@example.123", "error_email_format"),
            ("zhangsan@exam_ple.com", "error_email_format"),
            ("<script>@example.com", "error_email_format"),
            ("x" * 65 + "@example.com", "error_email_format"),
            ("x@" + "a" * 250 + ".com", "error_email_too_long"),
        ],
    )
    def test_invalid(self, value, error):
        """Malformed addresses are refused."""
        assert validate_email(value) == error

    def test_format_message(self, zh):
        """The format message shows what an address looks like."""
        assert zh(validate_email("zhangsan")) == (
            "电子邮箱地址格式不正确，应形如 name@example.com。"
        )

    def test_normalize_keeps_case(self):
        """Only white space and full-width forms change."""
        assert normalize_email(" Zhang＠Example.com ") == "Zhang@Example.com"


class TestMasks:
    @pytest.mark.parametrize(
        "name,masked",
        [
            ("张三丰", "张*丰"),
            ("张三", "张*"),
            ("欧阳娜娜", "欧**娜"),
            ("买买提·艾力", "买****力"),
            ("张", "*"),
            (" 张三丰 ", "张*丰"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_mask_name(self, name, masked):
        """All but the first and last characters are hidden."""
        assert mask_name(name) == masked

    @pytest.mark.parametrize(
        "value,masked",
        [
            ("11010519491231002X", "1101**********002X"),
            ("11010519491231002x", "1101**********002X"),
            ("E12345678", "E1*****78"),
            ("1234", "1**4"),
            ("12", "**"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_mask_id_number(self, value, masked):
        """The birth date and most of the sequence are hidden."""
        assert mask_id_number(value) == masked

    @pytest.mark.parametrize(
        "value,masked",
        [
            ("13812345678", "138****5678"),
            ("+86 138 1234 5678", "138****5678"),
            ("12345", "1***5"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_mask_mobile(self, value, masked):
        """The middle four digits are hidden."""
        assert mask_mobile(value) == masked

    def test_masked_id_hides_birth_date(self):
        """No part of the birth date survives the mask."""
        assert "19491231" not in mask_id_number("11010519491231002X")
        assert "1949" not in mask_id_number("11010519491231002X")
