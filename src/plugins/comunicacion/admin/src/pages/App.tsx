import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Layouts, Page, SubNav, useAuth } from '@strapi/strapi/admin';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { styled } from 'styled-components';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { PERMISSIONS } from '../permissions';
import { AreaAccountsPage } from './AreaAccountsPage';
import { AREA_ACCOUNTS_PERMISSIONS } from './AreaAccountsPage/permissions';
import { OficioSearchBox } from '../components/OficioSearchBox';
import { CalendarPage } from './CalendarPage';
import { DashboardPage } from './DashboardPage';
import { HolidaysPage } from './HolidaysPage';
import { NotificationsPage } from './NotificationsPage';
import { NotificationsNavLink } from './NotificationsPage/components/NotificationsNavLink';
import { OficioPage } from './OficioPage';
import { OficiosPage } from './OficiosPage';
import { QueuesPage } from './QueuesPage';
import { RegisterOficioPage } from './RegisterOficioPage';
import { SettingsPage } from './SettingsPage';
import { SiteDeliveriesPage } from './SiteDeliveriesPage';
import { SurveyResultsPage, SurveysPage } from './SurveysPage';
import { SURVEYS_PERMISSIONS } from './SurveysPage/permissions';
import { TransparencyPage } from './TransparencyPage';
import { TRANSPARENCY_PERMISSIONS } from './TransparencyPage/permissions';

interface NavEntry {
  to: string;
  label: string;
}

interface NavSection {
  key: string;
  label: string;
  entries: NavEntry[];
}

/** The plugin's pages the staff member may open, by section: one list for every menu. */
const useSections = (): NavSection[] => {
  const t = useT();
  // The user's permissions as the admin holds them: the menu follows them as soon as they load
  // (the plugin's actions carry no conditions, so holding the action is the answer).
  const held = useAuth('ComunicacionNavigation', (state) => state.permissions);
  const can = (permissions: readonly { action: string }[]) =>
    permissions.some((wanted) => held.some((permission) => permission.action === wanted.action));
  const canDashboard = can(PERMISSIONS.dashboard);
  const canRegister = can(PERMISSIONS.register);
  const canOficios = can(PERMISSIONS.oficios);
  const canCalendar = can(PERMISSIONS.calendar);
  const canHolidays = can(PERMISSIONS.holidays);
  const canSettings = can(PERMISSIONS.settings);
  const canSiteDeliveries = can(PERMISSIONS.siteDeliveries);
  const canTransparency = can(TRANSPARENCY_PERMISSIONS);
  const canSurveys = can(SURVEYS_PERMISSIONS);
  const canAreaAccounts = can(AREA_ACCOUNTS_PERMISSIONS);

  const entry = (allowed: boolean, to: string, label: string): NavEntry[] =>
    allowed ? [{ to, label }] : [];
  return [
    {
      key: 'work',
      label: t('nav.work', 'Trabajo'),
      entries: [
        ...entry(canDashboard, 'tablero', t('nav.dashboard', 'Tablero')),
        ...entry(true, 'bandejas', t('nav.queues', 'Bandejas')),
        ...entry(canRegister, 'registrar', t('nav.register', 'Registrar oficio')),
        ...entry(canOficios, 'oficios', t('nav.oficios', 'Oficios')),
        ...entry(canCalendar, 'calendario', t('nav.calendar', 'Calendario de coberturas')),
        ...entry(true, 'notificaciones', t('nav.notifications', 'Notificaciones')),
      ],
    },
    {
      key: 'configuration',
      label: t('nav.configuration', 'Configuración'),
      entries: [
        ...entry(canHolidays, 'dias-inhabiles', t('nav.holidays', 'Días inhábiles')),
        ...entry(canSettings, 'configuracion', t('nav.settings', 'Configuración')),
        ...entry(canAreaAccounts, 'cuentas-areas', t('nav.areaAccounts', 'Cuentas de áreas')),
      ],
    },
    {
      key: 'site',
      label: t('nav.site', 'Sitio web'),
      entries: [
        ...entry(canSiteDeliveries, 'sitio/avisos', t('siteDeliveries.nav', 'Avisos al sitio')),
        ...entry(canTransparency, 'sitio/transparencia', t('transparency.nav', 'Transparencia')),
        ...entry(canSurveys, 'sitio/encuestas', t('surveys.nav', 'Encuestas')),
      ],
    },
  ].filter((section) => section.entries.length > 0);
};

const Navigation = ({ sections }: { sections: NavSection[] }) => {
  const t = useT();
  const canSearch = sections.some((section) =>
    section.entries.some((entry) => entry.to === 'oficios')
  );
  return (
    <SubNav.Main aria-label={t('plugin.name', 'Comunicación Social')}>
      <SubNav.Header label={t('plugin.name', 'Comunicación Social')} />
      {canSearch && <OficioSearchBox />}
      <SubNav.Content>
        <SubNav.Sections>
          {sections.map((section) => (
            <SubNav.Section key={section.key} label={section.label}>
              {section.entries.map((entry) =>
                entry.to === 'notificaciones' ? (
                  <NotificationsNavLink key={entry.to} />
                ) : (
                  <SubNav.Link key={entry.to} to={entry.to} label={entry.label} />
                )
              )}
            </SubNav.Section>
          ))}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};

/** Below the medium breakpoint Strapi hides the side menu: phones choose the page here. */
const PhoneOnly = styled(Box)`
  ${({ theme }) => theme.breakpoints.medium} {
    display: none;
  }
`;

const PhoneNavigation = ({ sections }: { sections: NavSection[] }) => {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = sections.flatMap((section) => section.entries);
  const base = `/plugins/${PLUGIN_ID}/`;
  const here = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const current = entries.find((entry) => here === entry.to || here.startsWith(`${entry.to}/`));
  return (
    <PhoneOnly
      tag="nav"
      aria-label={t('plugin.name', 'Comunicación Social')}
      padding={4}
      paddingBottom={0}
    >
      <Field.Root name="plugin-section">
        <Field.Label>{t('nav.phone', 'Ir a')}</Field.Label>
        <SingleSelect
          value={current?.to ?? ''}
          placeholder={t('nav.phonePlaceholder', 'Elige una sección')}
          onChange={(to: string | number) => navigate(`${base}${to}`)}
        >
          {entries.map((entry) => (
            <SingleSelectOption key={entry.to} value={entry.to}>
              {entry.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </PhoneOnly>
  );
};

const App = () => {
  const sections = useSections();
  return (
    <Layouts.Root sideNav={<Navigation sections={sections} />}>
      <PhoneNavigation sections={sections} />
      <Routes>
        <Route index element={<Navigate to="bandejas" replace />} />
        <Route
          path="tablero"
          element={
            <Page.Protect permissions={PERMISSIONS.dashboard}>
              <DashboardPage />
            </Page.Protect>
          }
        />
        <Route path="bandejas" element={<QueuesPage />} />
        <Route path="bandejas/:key" element={<QueuesPage />} />
        <Route path="notificaciones" element={<NotificationsPage />} />
        <Route
          path="registrar"
          element={
            <Page.Protect permissions={PERMISSIONS.register}>
              <RegisterOficioPage />
            </Page.Protect>
          }
        />
        <Route
          path="calendario"
          element={
            <Page.Protect permissions={PERMISSIONS.calendar}>
              <CalendarPage />
            </Page.Protect>
          }
        />
        <Route
          path="oficios"
          element={
            <Page.Protect permissions={PERMISSIONS.oficios}>
              <OficiosPage />
            </Page.Protect>
          }
        />
        <Route
          path="oficios/:documentId"
          element={
            <Page.Protect permissions={PERMISSIONS.oficios}>
              <OficioPage />
            </Page.Protect>
          }
        />
        <Route
          path="dias-inhabiles"
          element={
            <Page.Protect permissions={PERMISSIONS.holidays}>
              <HolidaysPage />
            </Page.Protect>
          }
        />
        <Route
          path="configuracion"
          element={
            <Page.Protect permissions={PERMISSIONS.settings}>
              <SettingsPage />
            </Page.Protect>
          }
        />
        <Route
          path="sitio/avisos"
          element={
            <Page.Protect permissions={PERMISSIONS.siteDeliveries}>
              <SiteDeliveriesPage />
            </Page.Protect>
          }
        />
        <Route
          path="sitio/transparencia"
          element={
            <Page.Protect permissions={TRANSPARENCY_PERMISSIONS}>
              <TransparencyPage />
            </Page.Protect>
          }
        />
        <Route
          path="sitio/encuestas"
          element={
            <Page.Protect permissions={SURVEYS_PERMISSIONS}>
              <SurveysPage />
            </Page.Protect>
          }
        />
        <Route
          path="sitio/encuestas/:documentId"
          element={
            <Page.Protect permissions={SURVEYS_PERMISSIONS}>
              <SurveyResultsPage />
            </Page.Protect>
          }
        />
        <Route
          path="cuentas-areas"
          element={
            <Page.Protect permissions={AREA_ACCOUNTS_PERMISSIONS}>
              <AreaAccountsPage />
            </Page.Protect>
          }
        />
        <Route path="*" element={<Page.NoData />} />
      </Routes>
    </Layouts.Root>
  );
};

export default App;
