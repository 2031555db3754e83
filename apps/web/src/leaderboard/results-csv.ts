// Downloads the organizers' CSV export: a plain link cannot carry the bearer token, so fetch it.
import { sessionStore } from '../auth/session-store';

export async function downloadWithToken(url: string, filename: string): Promise<boolean> {
  const token = sessionStore.getAccessToken();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) return false;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
  return true;
}
