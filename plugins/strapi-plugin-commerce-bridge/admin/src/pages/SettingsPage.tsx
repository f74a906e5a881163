import { Flex, Loader } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useCommerceBridgeApi } from '../api/client';
import { RequestError } from '../components/RequestError';
import { SettingsForm } from '../components/SettingsForm';
import { useRemoteData } from '../hooks/useRemoteData';
import { PERMISSIONS } from '../permissions';

const CommerceBridgeSettings = () => {
  const api = useCommerceBridgeApi();
  const settings = useRemoteData(api.settings);

  return (
    <Page.Main>
      <Page.Title>Commerce Bridge settings</Page.Title>
      <Layouts.Header title="Commerce Bridge" subtitle="Where Medusa runs and the secret both sides sign requests with" />
      <Layouts.Content>
        {settings.error && <RequestError message={settings.error} onRetry={settings.reload} testId="commerce-bridge-settings-load-error" />}
        {!settings.error && !settings.data && (
          <Flex justifyContent="center" padding={8}>
            <Loader>Loading the settings…</Loader>
          </Flex>
        )}
        {!settings.error && settings.data && <SettingsForm api={api} settings={settings.data} onSaved={settings.setData} />}
      </Layouts.Content>
    </Page.Main>
  );
};

/** Settings › Commerce Bridge: the Medusa URL and the webhook secret (settings permission). */
const SettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.settings}>
    <CommerceBridgeSettings />
  </Page.Protect>
);

export default SettingsPage;
