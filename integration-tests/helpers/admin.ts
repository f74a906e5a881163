import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Creates an admin user through the real emailpass flow and returns its auth headers. */
export async function createAdminHeaders(container: MedusaContainer, api: any) {
  const email = `admin-${Date.now()}-${Math.round(Math.random() * 1e6)}@test.local`
  const password = "test-password"
  const user = await container.resolve(Modules.USER).createUsers({ email })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password } } as any)
  await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** axios throws on non-2xx; tests about errors want the response. */
export async function responseOf<T = any>(request: Promise<T>): Promise<any> {
  try {
    return await request
  } catch (error: any) {
    if (!error.response) throw error
    return error.response
  }
}
