@echo off
rem MCP Workbench launcher for Windows. No arguments: the desktop app. With a subcommand: the CLI.
setlocal
set "HERE=%~dp0"
if "%JAVA_HOME%"=="" (echo mcp-workbench: set JAVA_HOME to a JDK 21 or newer & exit /b 2)
set "JAR=%HERE%app\target\mcp-workbench.jar"
if not exist "%JAR%" (
  echo mcp-workbench: building on first use... 1>&2
  pushd "%HERE%" && call mvnw.cmd -B -q -DskipTests -pl app -am package & popd
  if errorlevel 1 (echo mcp-workbench: build failed 1>&2 & exit /b 2)
)
set "CP=%JAR%;%HERE%app\target\lib\*"
if "%~1"=="" (
  "%JAVA_HOME%\bin\java" -XX:+UseZGC -cp "%CP%" dev.mcpworkbench.app.Main
) else (
  "%JAVA_HOME%\bin\java" -XX:SharedArchiveFile="%HERE%app\target\cli.jsa" -XX:+AutoCreateSharedArchive -XX:TieredStopAtLevel=1 -cp "%CP%" dev.mcpworkbench.app.Main %*
)
exit /b %errorlevel%
