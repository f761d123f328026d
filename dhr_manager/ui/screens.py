"""The main window's screens, in navigation order.

They need SQLAlchemy and the services, so this module is imported on a worker thread while the user unlocks
(`WorkspaceOpener`) and the screens are built once the workspace is open; the window itself appears before.
"""

from dataclasses import dataclass
from datetime import date

from dhr_manager.settings import Settings
from dhr_manager.ui.page import Page
from dhr_manager.ui.pages.action_plans_page import ActionPlansPage
from dhr_manager.ui.pages.agencies_page import AgenciesPage
from dhr_manager.ui.pages.audit_page import AuditPage
from dhr_manager.ui.pages.cases_page import CasesPage
from dhr_manager.ui.pages.dashboard import DashboardPage
from dhr_manager.ui.pages.settings_page import SettingsPage
from dhr_manager.ui.pages.tasks_page import TasksPage


@dataclass(frozen=True)
class Screens:
    dashboard: DashboardPage
    cases: CasesPage
    tasks: TasksPage
    action_plans: ActionPlansPage
    agencies: AgenciesPage
    audit: AuditPage
    settings_page: SettingsPage

    def by_view(self) -> dict[str, Page]:
        """Each screen by its navigation key, in navigation order (`MainWindow.view_labels`)."""
        return {"dashboard": self.dashboard, "cases": self.cases, "tasks": self.tasks, "actions": self.action_plans,
                "agencies": self.agencies, "audit": self.audit, "settings": self.settings_page}


def build_screens(settings: Settings, today: date | None) -> Screens:
    return Screens(DashboardPage(today=today), CasesPage(settings, today=today), TasksPage(today=today),
                   ActionPlansPage(today=today), AgenciesPage(), AuditPage(), SettingsPage(settings))
