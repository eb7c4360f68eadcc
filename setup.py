"""Package metadata for fairness_app, a Frappe app for bullying, harassment,
discrimination and third-party abuse cases in UK councils."""

from setuptools import find_packages, setup

setup(
	name="fairness_app",
	version="0.1.0",
	description=(
		"Record, handle and learn from bullying, harassment and discrimination complaints "
		"and third-party abuse incidents in UK councils"
	),
	long_description=open("README.md", encoding="utf-8").read(),
	long_description_content_type="text/markdown",
	license="MIT",
	python_requires=">=3.10",
	packages=find_packages(exclude=("tests", "tests.*", "plugins", "plugins.*", "benchmarks")),
	include_package_data=True,
	zip_safe=False,
	install_requires=[
		# frappe itself is not on PyPI: bench installs it (see pyproject.toml for the range).
		"pluggy>=1.3,<2",
		"holidays>=0.45",
		"python-dateutil>=2.8",
		"requests>=2.31",
	],
	extras_require={"test": ["pytest>=7"]},
)
