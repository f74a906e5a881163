/** Benchmarks measure each configuration in a fresh Node process; the child reports one result line to its parent. */
import { spawn } from "child_process"
import path from "path"

const MARK = "RESULT "

/** Called once by a child: its result as one line on stdout (progress goes to stderr). */
export function reportResult(result: unknown) {
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`)
}

/** Runs `<dir>/<script>` in a fresh Node process and returns what it reported; a failure prints the child's output. */
export function runChildIn<T>(dir: string, script: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(dir, script), ...args], {
      cwd: path.join(__dirname, ".."),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    })
    let out = ""
    child.stdout.on("data", (chunk) => (out += chunk))
    child.on("error", reject)
    child.on("exit", (code) => {
      const line = out.split("\n").find((candidate) => candidate.startsWith(MARK))
      if (code === 0 && line) return resolve(JSON.parse(line.slice(MARK.length)))
      process.stderr.write(out.slice(-20_000))
      reject(new Error(`${path.relative(path.join(__dirname, ".."), path.join(dir, script))} ${args.join(" ")} exited with ${code}`))
    })
  })
}
