import { Alert, Box, Button, Checkbox, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { CommerceBridgeApi } from '../api/client';
import { readableError } from '../api/errors';
import type { ConnectionSettings, SettingsUpdate } from '../api/types';
import { SOURCE_LABELS } from '../utils/format';

interface SettingsFormProps {
  api: CommerceBridgeApi;
  settings: ConnectionSettings;
  onSaved: (settings: ConnectionSettings) => void;
}

type FieldErrors = { medusa_url?: string; webhook_secret?: string; form?: string };

/** The server's 400 names the bad field first ("medusa_url must be…"): show it under that field. */
const errorsFrom = (message: string): FieldErrors => {
  if (message.startsWith('medusa_url')) return { medusa_url: message };
  if (message.startsWith('webhook_secret')) return { webhook_secret: message };
  return { form: message };
};

const urlHint = ({ medusa_url, medusa_url_source }: ConnectionSettings) => {
  if (medusa_url_source === 'admin') return 'Saved here. Empty the field and save to use the plugin config instead.';
  if (medusa_url_source === 'config') return `In use: ${medusa_url}, ${SOURCE_LABELS.config}. A URL saved here overrides it.`;
  return 'Not set: Strapi cannot reach Medusa until a URL is saved here or in the plugin config.';
};

const secretState = ({ webhook_secret_set, webhook_secret_source }: ConnectionSettings) =>
  webhook_secret_set ? `Set, ${webhook_secret_source ? SOURCE_LABELS[webhook_secret_source] : 'from the plugin config'}` : 'Not set';

export const SettingsForm = ({ api, settings, onSaved }: SettingsFormProps) => {
  const { toggleNotification } = useNotification();
  const [medusaUrl, setMedusaUrl] = React.useState(settings.medusa_url_source === 'admin' ? settings.medusa_url ?? '' : '');
  const [secret, setSecret] = React.useState('');
  const [useConfigSecret, setUseConfigSecret] = React.useState(false);
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [saving, setSaving] = React.useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    // An empty secret keeps the current one; only the checkbox clears what was saved here.
    const update: SettingsUpdate = { medusa_url: medusaUrl.trim() };
    if (useConfigSecret) update.webhook_secret = '';
    else if (secret) update.webhook_secret = secret;
    try {
      const saved = await api.saveSettings(update);
      setSecret('');
      setUseConfigSecret(false);
      setMedusaUrl(saved.medusa_url_source === 'admin' ? saved.medusa_url ?? '' : '');
      onSaved(saved);
      toggleNotification({ type: 'success', message: 'Commerce Bridge settings saved.' });
    } catch (failure) {
      setErrors(errorsFrom(readableError(failure)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box tag="form" onSubmit={submit} noValidate data-testid="commerce-bridge-settings-form" aria-labelledby="commerce-bridge-settings-title" background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Flex justifyContent="space-between" alignItems="center" gap={4}>
          <Typography variant="delta" tag="h2" id="commerce-bridge-settings-title">
            Connection to Medusa
          </Typography>
          <Button type="submit" startIcon={<Check />} loading={saving} disabled={saving} data-testid="commerce-bridge-settings-save">
            Save
          </Button>
        </Flex>

        {errors.form && (
          <Alert variant="danger" closeLabel="Dismiss" onClose={() => setErrors({})} title="Not saved" data-testid="commerce-bridge-settings-error">
            {errors.form}
          </Alert>
        )}

        <Grid.Root gap={6}>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root name="medusa_url" id="commerce-bridge-medusa-url" error={errors.medusa_url} hint={urlHint(settings)}>
              <Field.Label>Medusa URL</Field.Label>
              <TextInput
                type="url"
                inputMode="url"
                autoComplete="off"
                placeholder="https://medusa.example.com"
                value={medusaUrl}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setMedusaUrl(event.target.value)}
                data-testid="commerce-bridge-settings-medusa-url"
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>

          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch" gap={3}>
            <Field.Root
              name="webhook_secret"
              id="commerce-bridge-webhook-secret"
              error={errors.webhook_secret}
              hint="Shared with Medusa, which checks the signature of every request (at least 16 characters)."
            >
              <Field.Label>Webhook secret</Field.Label>
              <TextInput
                type="password"
                autoComplete="new-password"
                placeholder={settings.webhook_secret_set ? 'Leave empty to keep the current secret' : 'At least 16 characters'}
                value={secret}
                disabled={useConfigSecret}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSecret(event.target.value)}
                data-testid="commerce-bridge-settings-webhook-secret"
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <Typography variant="pi" fontWeight="bold" data-testid="commerce-bridge-settings-secret-status" data-set={settings.webhook_secret_set}>
              Current secret: {secretState(settings)}
            </Typography>
            {settings.webhook_secret_source === 'admin' && (
              <Checkbox
                checked={useConfigSecret}
                onCheckedChange={(checked: boolean | 'indeterminate') => setUseConfigSecret(checked === true)}
                data-testid="commerce-bridge-settings-use-config-secret"
              >
                Forget the secret saved here and use the plugin config
              </Checkbox>
            )}
          </Grid.Item>
        </Grid.Root>
      </Flex>
    </Box>
  );
};
