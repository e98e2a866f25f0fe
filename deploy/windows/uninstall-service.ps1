#Requires -Version 5.1
<#
.SYNOPSIS
    Removes the hub's Windows service and its binary.
.DESCRIPTION
    .\deploy\windows\uninstall-service.ps1                 (in an elevated PowerShell)
    Stops and deletes the service Hub and removes C:\Program Files\Hub. The site's folder C:\ProgramData\Hub (the
    configuration, the journal key and the correlation log, which an auditor may still need) stays unless -RemoveData
    is given.
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param(
    [string] $InstallPath = (Join-Path $env:ProgramFiles 'Hub'),
    [string] $ConfigPath = (Join-Path $env:ProgramData 'Hub'),
    [switch] $RemoveData
)
$ErrorActionPreference = 'Stop'
$serviceName = 'Hub'

$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'uninstall-service.ps1: run it in an elevated PowerShell (Run as administrator).'
}

$service = Get-Service -Name $serviceName -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne 'Stopped') {
        Stop-Service -Name $serviceName
        (Get-Service -Name $serviceName).WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
    }
    & sc.exe delete $serviceName | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "uninstall-service.ps1: sc.exe delete failed ($LASTEXITCODE)" }
    Write-Host "uninstall-service.ps1: removed the service $serviceName"
}
if (Test-Path $InstallPath) {
    Remove-Item -Path $InstallPath -Recurse -Force
    Write-Host "uninstall-service.ps1: removed $InstallPath"
}
if ($RemoveData -and (Test-Path $ConfigPath)) {
    if ($PSCmdlet.ShouldProcess($ConfigPath, 'remove the configuration, the journal key and the correlation log')) {
        Remove-Item -Path $ConfigPath -Recurse -Force
        Write-Host "uninstall-service.ps1: removed $ConfigPath"
    }
} elseif (Test-Path $ConfigPath) {
    Write-Host "uninstall-service.ps1: kept $ConfigPath (configuration, journal key, correlation log); -RemoveData removes it"
}
