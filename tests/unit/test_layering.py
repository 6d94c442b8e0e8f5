from tests.check_imports import violations


def test_domain_and_storage_never_import_qt_and_desktop_never_imports_storage() -> None:
    assert violations() == []
