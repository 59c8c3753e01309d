import { Layouts, Page, SubNav, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { OficioSearchBox } from '../components/OficioSearchBox';
import { getTranslation } from '../utils/getTranslation';
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

const Navigation = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
  const { allowedActions: dashboard } = useRBAC(PERMISSIONS.dashboard);
  const { allowedActions: calendar } = useRBAC(PERMISSIONS.calendar);
  const { allowedActions: holidays } = useRBAC(PERMISSIONS.holidays);
  const { allowedActions: settings } = useRBAC(PERMISSIONS.settings);
  const canDashboard = Object.values(dashboard).some(Boolean);
  const canCalendar = Object.values(calendar).some(Boolean);
  const canHolidays = Object.values(holidays).some(Boolean);
  const canSettings = Object.values(settings).some(Boolean);
  const { allowedActions: siteDeliveries } = useRBAC(PERMISSIONS.siteDeliveries);
  const canSiteDeliveries = Object.values(siteDeliveries).some(Boolean);
  const { allowedActions: transparency } = useRBAC(TRANSPARENCY_PERMISSIONS);
  const canTransparency = Object.values(transparency).some(Boolean);
  const { allowedActions: surveys } = useRBAC(SURVEYS_PERMISSIONS);
  const canSurveys = Object.values(surveys).some(Boolean);
  const { allowedActions: oficios } = useRBAC(PERMISSIONS.oficios);
  const canOficios = Object.values(oficios).some(Boolean);
  const { allowedActions: register } = useRBAC(PERMISSIONS.register);
  const canRegister = Object.values(register).some(Boolean);

  return (
    <SubNav.Main aria-label={t('plugin.name', 'Comunicación Social')}>
      <SubNav.Header label={t('plugin.name', 'Comunicación Social')} />
      {canOficios && <OficioSearchBox />}
      <SubNav.Content>
        <SubNav.Sections>
          <SubNav.Section label={t('nav.work', 'Trabajo')}>
            {canDashboard && <SubNav.Link to="tablero" label={t('nav.dashboard', 'Tablero')} />}
            <SubNav.Link to="bandejas" label={t('nav.queues', 'Bandejas')} />
            {canRegister && (
              <SubNav.Link to="registrar" label={t('nav.register', 'Registrar oficio')} />
            )}
            {canOficios && <SubNav.Link to="oficios" label={t('nav.oficios', 'Oficios')} />}
            {canCalendar && (
              <SubNav.Link to="calendario" label={t('nav.calendar', 'Calendario de coberturas')} />
            )}
            <NotificationsNavLink />
          </SubNav.Section>
          {(canHolidays || canSettings) && (
            <SubNav.Section label={t('nav.configuration', 'Configuración')}>
              {canHolidays && (
                <SubNav.Link to="dias-inhabiles" label={t('nav.holidays', 'Días inhábiles')} />
              )}
              {canSettings && (
                <SubNav.Link to="configuracion" label={t('nav.settings', 'Configuración')} />
              )}
            </SubNav.Section>
          )}
          {(canSiteDeliveries || canTransparency || canSurveys) && (
            <SubNav.Section label={t('nav.site', 'Sitio web')}>
              {/* One entry per page of the municipal site's work; the section wants a list. */}
              {[
                canSiteDeliveries && (
                  <SubNav.Link
                    key="avisos"
                    to="sitio/avisos"
                    label={t('siteDeliveries.nav', 'Avisos al sitio')}
                  />
                ),
                canTransparency && (
                  <SubNav.Link
                    key="transparencia"
                    to="sitio/transparencia"
                    label={t('transparency.nav', 'Transparencia')}
                  />
                ),
                canSurveys && (
                  <SubNav.Link
                    key="encuestas"
                    to="sitio/encuestas"
                    label={t('surveys.nav', 'Encuestas')}
                  />
                ),
              ]}
            </SubNav.Section>
          )}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};

const App = () => (
  <Layouts.Root sideNav={<Navigation />}>
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
      <Route path="*" element={<Page.NoData />} />
    </Routes>
  </Layouts.Root>
);

export default App;
