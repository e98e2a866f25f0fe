#Requires -Version 5.1
<#
.SYNOPSIS
    Installs (or upgrades) the hub as a Windows service from a win-x64 publish.
.DESCRIPTION
    dotnet publish src/Hub/Hub.Host -p:PublishProfile=win-x64
    .\deploy\windows\install-service.ps1            (in an elevated PowerShell)

    Layout:
      C:\Program Files\Hub\hub.exe          the binary (replaced on every run)
      C:\ProgramData\Hub\appsettings.json   the site's configuration, secrets included: Administrators, SYSTEM and the
                                            service read it, nobody else (written only when it is not there yet)
      C:\ProgramData\Hub\mappings\          the site's mapping files (copied only when not there yet)
      C:\ProgramData\Hub\journal.key        the journal key (made only when not there yet): back it up
      C:\ProgramData\Hub\data\              the correlation log (hub.db): the only folder the service may write
    The service runs as the virtual account NT SERVICE\Hub, starts automatically, and is restarted after a failure
    (5 s, 5 s, then every minute). Safe to run again: an upgrade keeps the configuration, mappings and key.
#>
[CmdletBinding()]
param(
    [string] $PublishPath = (Join-Path $PSScriptRoot '..\..\src\Hub\Hub.Host\bin\publish\win-x64'),
    [string] $InstallPath = (Join-Path $env:ProgramFiles 'Hub'),
    [string] $ConfigPath = (Join-Path $env:ProgramData 'Hub')
)
$ErrorActionPreference = 'Stop'
$serviceName = 'Hub'
$account = "NT SERVICE\$serviceName"

$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'install-service.ps1: run it in an elevated PowerShell (Run as administrator): it installs a service and sets folder permissions.'
}
foreach ($required in 'hub.exe', 'appsettings.json', 'mappings') {
    if (-not (Test-Path (Join-Path $PublishPath $required))) {
        throw "install-service.ps1: no published hub in $PublishPath (hub.exe, appsettings.json, mappings); publish it first: dotnet publish src/Hub/Hub.Host -p:PublishProfile=win-x64"
    }
}

# An upgrade stops the running service first, so its files can be replaced.
$existing = Get-Service -Name $serviceName -ErrorAction SilentlyContinue
$wasRunning = $existing -and $existing.Status -eq 'Running'
if ($wasRunning) {
    Stop-Service -Name $serviceName
    (Get-Service -Name $serviceName).WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
}

# The binary: Program Files, writable by administrators only.
New-Item -ItemType Directory -Force -Path $InstallPath | Out-Null
Copy-Item -Path (Join-Path $PublishPath '*') -Destination $InstallPath -Recurse -Force
$hubExe = Join-Path $InstallPath 'hub.exe'
Write-Host "install-service.ps1: installed $(& $hubExe --version) in $InstallPath"

# The service, as its own virtual account (no password to manage).
$settingsFile = Join-Path $ConfigPath 'appsettings.json'
$binaryPath = "`"$hubExe`" run --config `"$settingsFile`""
if (-not $existing) {
    New-Service -Name $serviceName -BinaryPathName $binaryPath -DisplayName 'Hub' -StartupType Automatic `
        -Description 'Keeps one complaint linked across service desk, building manager and contractor.' | Out-Null
}
# The path goes through CIM, not sc.exe: Windows PowerShell drops the quotes inside a native command's arguments.
Get-CimInstance -ClassName Win32_Service -Filter "Name='$serviceName'" |
    Invoke-CimMethod -MethodName Change -Arguments @{ PathName = $binaryPath } | Out-Null
& sc.exe config $serviceName obj= $account start= delayed-auto | Out-Null
if ($LASTEXITCODE -ne 0) { throw "install-service.ps1: sc.exe config failed ($LASTEXITCODE)" }
# Recovery: restart after 5 s, 5 s, then every minute; the count resets after a day without failures. failureflag 1
# also applies it when the hub stops with an exit code (2: configuration, 3: database held by another hub).
& sc.exe failure $serviceName reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null
if ($LASTEXITCODE -ne 0) { throw "install-service.ps1: sc.exe failure failed ($LASTEXITCODE)" }
& sc.exe failureflag $serviceName 1 | Out-Null
# The service compiles every method with the JIT, fully optimised, once, instead of running the framework's ReadyToRun
# code: about 30% less CPU per complaint and 10 MB less working set for a slower start (deploy/linux/hub.service says
# why). Commands run by hand keep the defaults. A service's environment is the Environment value (REG_MULTI_SZ) of its
# key; entries an administrator put there stay.
$serviceKey = "HKLM:\SYSTEM\CurrentControlSet\Services\$serviceName"
$serviceEnvironment = @((Get-ItemProperty -Path $serviceKey -Name Environment -ErrorAction SilentlyContinue).Environment |
    Where-Object { $_ -and $_ -notlike 'DOTNET_ReadyToRun=*' -and $_ -notlike 'DOTNET_TieredCompilation=*' }) +
    'DOTNET_ReadyToRun=0' + 'DOTNET_TieredCompilation=0'
Set-ItemProperty -Path $serviceKey -Name Environment -Type MultiString -Value ([string[]] $serviceEnvironment)
# Warnings and errors go to the Application event log under the source "hub".
if (-not [Diagnostics.EventLog]::SourceExists('hub')) {
    [Diagnostics.EventLog]::CreateEventSource('hub', 'Application')
}

# The site's folders. Configuration: administrators and SYSTEM change it, the service only reads it (it holds secrets).
$dataPath = Join-Path $ConfigPath 'data'
New-Item -ItemType Directory -Force -Path $ConfigPath, $dataPath | Out-Null
& icacls.exe $ConfigPath /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' "${account}:(OI)(CI)RX" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "install-service.ps1: icacls on $ConfigPath failed ($LASTEXITCODE)" }
& icacls.exe $dataPath /grant:r "${account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "install-service.ps1: icacls on $dataPath failed ($LASTEXITCODE)" }

if (-not (Test-Path $settingsFile)) {
    # Relative paths are taken from the configuration's folder: the database goes to data\, the key beside the file.
    $settings = Get-Content -Raw -Path (Join-Path $PublishPath 'appsettings.json') | ConvertFrom-Json
    $settings.Hub.Database.ConnectionString = 'Data Source=data\hub.db'
    $settings.Hub.Audit | Add-Member -NotePropertyName JournalKeyFile -NotePropertyValue 'journal.key' -Force
    $settings | ConvertTo-Json -Depth 32 | Set-Content -Path $settingsFile -Encoding UTF8
    Write-Host "install-service.ps1: wrote $settingsFile (database $dataPath\hub.db): fill in your systems"
}
$mappingsPath = Join-Path $ConfigPath 'mappings'
if (-not (Test-Path $mappingsPath)) {
    Copy-Item -Path (Join-Path $PublishPath 'mappings') -Destination $mappingsPath -Recurse
    Write-Host "install-service.ps1: copied the example mappings to $mappingsPath"
}
$keyFile = Join-Path $ConfigPath 'journal.key'
if (-not (Test-Path $keyFile)) {
    $key = New-Object byte[] 32
    [Security.Cryptography.RandomNumberGenerator]::Create().GetBytes($key)
    Set-Content -Path $keyFile -Value ([Convert]::ToBase64String($key)) -Encoding ASCII -NoNewline
    Write-Host "install-service.ps1: made a new journal key in ${keyFile}: back it up, away from the database"
}

if ($wasRunning) {
    Start-Service -Name $serviceName
    Write-Host 'install-service.ps1: the service was running and has been started again'
} else {
    Write-Host "install-service.ps1: installed; fill in $settingsFile, then: Start-Service Hub"
}
